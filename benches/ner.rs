//! Throughput of the mention layer (`Extractor::ner`, the sequence labeller that
//! `zhkg eval` scores) and of the whole per-article extraction, in characters per
//! second, on the bundled sample and the test articles. `cargo bench --bench ner`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use zhkg::extract::Extractor;
use zhkg::lexicon::Lexicon;

const TEXTS: [&str; 3] = [
    include_str!("../data/articles/000_402698db3ce9f400.txt"),
    include_str!("../tests/fixtures/articles/jinshui.md"),
    include_str!("../tests/fixtures/articles/shapes.md"),
];

fn sentences() -> Vec<String> {
    TEXTS
        .iter()
        .flat_map(|t| t.split(['。', '\n']))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn mention_layer(c: &mut Criterion) {
    let ex = Extractor::new(Lexicon::embedded());
    let sents = sentences();
    let chars: usize = sents.iter().map(|s| s.chars().count()).sum();
    let mut g = c.benchmark_group("ner");
    g.throughput(Throughput::Elements(chars as u64));
    g.bench_function("mention_layer_chars", |b| {
        b.iter(|| {
            for s in &sents {
                black_box(ex.ner(black_box(s)));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, mention_layer);
criterion_main!(benches);
