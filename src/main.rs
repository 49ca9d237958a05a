//! The `zhkg` command: parses the command line, calls the library, maps errors to
//! exit codes (1 for errors, 2 for usage, 3 for "not found / ambiguous").

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use std::io::{BufRead, Write};
use std::path::PathBuf;
use zhkg::eval::{self, GoldFormat};
use zhkg::export::formats::{self, Format};
use zhkg::export::view::{self, ViewOptions};
use zhkg::extract::Extractor;
use zhkg::graph::{GraphDoc, NodeKind, Relation};
use zhkg::lexicon::Lexicon;
use zhkg::pipeline::{self, BuildOptions};
use zhkg::query::Query;

// glibc malloc spent about a sixth of a corpus build in malloc/free and in page
// faults of fresh arenas (perf); mimalloc keeps per-thread pages warm.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "zhkg",
    version,
    about = "Chinese government and local news → knowledge graph"
)]
struct Cli {
    /// Folder of lexicon files that replace the built-in ones file by file.
    #[arg(long, global = true, value_name = "DIR")]
    lexicon: Option<PathBuf>,
    /// NER model file (written by `zhkg train`) that replaces the built-in one.
    #[arg(long, global = true, value_name = "FILE")]
    model: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the graph from articles: writes graph.json, graph.dot and graph.svg.
    #[command(
        after_help = "Example:\n  zhkg build data -o graphs\n  cat article.txt | zhkg build - -o out"
    )]
    Build {
        /// Files or folders (.txt, .md, .jsonl), or - for standard input.
        #[arg(default_value = "data")]
        inputs: Vec<PathBuf>,
        /// Output folder.
        #[arg(short, long, default_value = "graphs")]
        out: PathBuf,
        /// Do not render graph.svg even when Graphviz is installed.
        #[arg(long)]
        no_svg: bool,
        /// Print the summary as JSON.
        #[arg(long)]
        json: bool,
        /// Add the inputs to this saved graph (rewritten in place) without re-reading
        /// the articles already in it; the result equals a full rebuild.
        #[arg(long, value_name = "GRAPH_JSON")]
        update: Option<PathBuf>,
        /// No progress bar and no summary.
        #[arg(short, long)]
        quiet: bool,
    },
    /// Join graphs built separately into the graph one build over all their inputs gives.
    #[command(after_help = "Example:
  zhkg merge part1/graph.json part2/graph.json -o all/graph.json")]
    Merge {
        /// Graphs written by `zhkg build` (each with its .facts.jsonl beside it).
        #[arg(required = true, num_args = 2..)]
        graphs: Vec<PathBuf>,
        /// The merged graph.
        #[arg(short, long)]
        out: PathBuf,
        /// Print the summary as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Ask a saved graph a question.
    #[command(
        after_help = "Examples:\n  zhkg query attendees 揭牌仪式\n  zhkg query events 马军\n  zhkg query --json positions 丁文霞\n  zhkg query path 马军 丁文霞"
    )]
    Query {
        /// The graph to read.
        #[arg(long, default_value = "graphs/graph.json")]
        graph: PathBuf,
        /// Answer as JSON.
        #[arg(long)]
        json: bool,
        #[command(subcommand)]
        question: Question,
    },
    /// The mention layer alone: one JSON object of entities per input line.
    #[command(after_help = "Example:\n  echo '惠济区委书记马军主持召开党政联席会议' | zhkg ner")]
    Ner {
        /// A file, or - (the default) for standard input.
        #[arg(default_value = "-")]
        input: PathBuf,
    },
    /// Score the mention layer on annotated news (precision, recall, F1 per kind).
    #[command(
        after_help = "Example:\n  zhkg eval --format bio ../shared/eval/peoples-daily/dev.bio --errors 10"
    )]
    Eval {
        /// Gold format: bio, bmes or cluener (guessed from the extension when left out).
        #[arg(long)]
        format: Option<String>,
        /// Gold files.
        #[arg(required_unless_present = "relations")]
        files: Vec<PathBuf>,
        /// Also score event roles and posts on a folder of annotated sentences.
        #[arg(long, value_name = "DIR")]
        relations: Option<PathBuf>,
        /// Score only the first N sentences of each file.
        #[arg(long)]
        limit: Option<usize>,
        /// Show N false positives and N false negatives.
        #[arg(long, default_value_t = 0)]
        errors: usize,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Train the NER model on the allowed splits of the evaluation data.
    #[command(
        after_help = "Example:\n  zhkg train --data ../shared/eval --extra target/train-data -o data/model/ner.bin\n\nReads peoples-daily/dev.bio (without its first --pd-holdout sentences),\ncluener2020/train.jsonl, resume/train.bmes and resume/dev.bmes, and with --extra the\nMSRA training split and the People's Daily 1998 corpus that\nscripts/fetch_training_data.sh downloads. The report-only msra/test.bio and\nresume/test.bmes are read only to drop extra sentences that repeat them."
    )]
    Train {
        /// The evaluation data folder.
        #[arg(long, default_value = "../shared/eval")]
        data: PathBuf,
        /// Where to write the model.
        #[arg(short, long, default_value = "data/model/ner.bin")]
        out: PathBuf,
        /// Passes over the data.
        #[arg(long, default_value_t = 10)]
        epochs: usize,
        /// Seed of the example order.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// People's Daily dev sentences (from the start) kept out of training.
        #[arg(long, default_value_t = zhkg::ner::train::PD_HOLDOUT)]
        pd_holdout: usize,
        /// How many times People's Daily sentences are seen per pass.
        #[arg(long, default_value_t = zhkg::ner::train::PD_REPEAT)]
        pd_repeat: usize,
        /// The folder `scripts/fetch_training_data.sh` fills: the MSRA training split
        /// and the People's Daily 1998 corpus (persons), trained on as well.
        #[arg(long)]
        extra: Option<PathBuf>,
        /// How many times CLUENER training sentences are seen per pass.
        #[arg(long, default_value_t = zhkg::ner::train::CLUENER_REPEAT)]
        cluener_repeat: usize,
        /// Keep at most this many features (those of largest weight).
        #[arg(long, default_value_t = zhkg::ner::train::MAX_FEATURES)]
        max_features: usize,
        /// Synthetic name lists with no separators added to the training data.
        #[arg(long, default_value_t = zhkg::ner::train::NAME_LISTS)]
        name_lists: usize,
    },
    /// Export a saved graph (or a view of it) for another tool.
    #[command(
        after_help = "Examples:\n  zhkg export --format gexf -o graph.gexf\n  zhkg export --format svg --around 马军 -o majun.svg\n  zhkg export --format neo4j -o neo4j/"
    )]
    Export {
        /// dot, svg, png, json, cytoscape, gexf, graphml, neo4j, ttl, html.
        #[arg(long, default_value = "dot")]
        format: String,
        /// The graph to read.
        #[arg(long, default_value = "graphs/graph.json")]
        graph: PathBuf,
        /// Output file (a folder for neo4j); standard output when left out.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Only the neighbourhood of this person, organisation or event.
        #[arg(long)]
        around: Option<String>,
        /// Steps from --around.
        #[arg(long, default_value_t = 1)]
        depth: usize,
        /// Only these node kinds (comma-separated).
        #[arg(long, value_delimiter = ',')]
        kind: Vec<String>,
        /// Only these relations (comma-separated).
        #[arg(long, value_delimiter = ',')]
        relation: Vec<String>,
        /// Only what one article says.
        #[arg(long)]
        article: Option<String>,
        /// `event`: people ↔ events, events ordered by date.
        #[arg(long)]
        layout: Option<String>,
    },
}

#[derive(Subcommand)]
enum Question {
    /// Who chaired, attended and spoke at an event.
    Attendees { event: String },
    /// The events a person chaired, attended or spoke at.
    Events { person: String },
    /// The posts a person holds.
    Positions { person: String },
    /// Who holds which post at an organisation.
    Holders { org: String },
    /// Everything within N steps of a node.
    Neighbors {
        name: String,
        #[arg(long, default_value_t = 1)]
        depth: usize,
    },
    /// A shortest path between two nodes.
    Path { a: String, b: String },
}

/// The built-in lexicons, or those of `--lexicon DIR` over them.
fn lexicon(dir: &Option<PathBuf>) -> Result<Lexicon> {
    Ok(match dir {
        Some(dir) => Lexicon::with_overrides(dir)?,
        None => Lexicon::embedded(),
    })
}

/// The `--model` file, or the embedded model, decoded for this command alone (a build
/// frees it after extraction).
fn model(path: &Option<PathBuf>) -> zhkg::Result<std::sync::Arc<zhkg::ner::model::Model>> {
    Ok(std::sync::Arc::new(match path {
        Some(path) => zhkg::ner::load_model(path)?,
        None => zhkg::ner::decode_embedded_model(),
    }))
}

fn extractor(lexicon_dir: &Option<PathBuf>, model_path: &Option<PathBuf>) -> Result<Extractor> {
    Ok(Extractor::with_model(
        lexicon(lexicon_dir)?,
        model(model_path)?,
    ))
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Build {
            inputs,
            out,
            no_svg,
            json,
            update,
            quiet,
        } => {
            let lex = lexicon(&cli.lexicon)?;
            // The labeller's model is decoded with the rest of the extractor, beside the
            // reading.
            let summary = pipeline::run_build_making(
                &lex,
                || Ok(Extractor::with_model(lex.clone(), model(&cli.model)?)),
                &BuildOptions {
                    inputs,
                    out_dir: out,
                    svg: !no_svg,
                    update,
                    progress: !quiet,
                },
            )?;
            if json {
                emit(&format!("{}\n", serde_json::to_string_pretty(&summary)?))?;
            } else if !quiet {
                emit(&format!("{summary}"))?;
            }
        }
        Command::Merge { graphs, out, json } => {
            let lex = lexicon(&cli.lexicon)?;
            let summary = pipeline::run_merge(&lex, &graphs, &out)?;
            if json {
                emit(&format!("{}\n", serde_json::to_string_pretty(&summary)?))?;
            } else {
                emit(&format!("{summary}"))?;
            }
        }
        Command::Query {
            graph,
            json,
            question,
        } => {
            let doc = GraphDoc::load(&graph)?;
            let q = Query::new(&doc);
            let answer = match question {
                Question::Attendees { event } => q.attendees(&event)?,
                Question::Events { person } => q.events(&person)?,
                Question::Positions { person } => q.positions(&person)?,
                Question::Holders { org } => q.holders(&org)?,
                Question::Neighbors { name, depth } => q.neighbors(&name, depth)?,
                Question::Path { a, b } => q.path(&a, &b)?,
            };
            if json {
                emit(&format!("{}\n", serde_json::to_string_pretty(&answer)?))?;
            } else {
                emit(&format!("{answer}"))?;
            }
        }
        Command::Ner { input } => {
            let ex = extractor(&cli.lexicon, &cli.model)?;
            let reader: Box<dyn BufRead> = if input.as_os_str() == "-" {
                Box::new(std::io::stdin().lock())
            } else {
                let bytes = std::fs::read(&input).with_context(|| input.display().to_string())?;
                let text = zhkg::ingest::decode(&bytes, &input)?;
                Box::new(std::io::Cursor::new(text.into_owned().into_bytes()))
            };
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            for line in reader.lines() {
                let line = line?;
                let entities = ex.ner(&line);
                writeln!(out, "{}", serde_json::json!({ "entities": entities }))?;
            }
        }
        Command::Eval {
            format,
            files,
            relations,
            limit,
            errors,
            json,
        } => {
            let ex = extractor(&cli.lexicon, &cli.model)?;
            if let Some(dir) = relations {
                let items = eval::relations::read_items(&dir)?;
                let mut report = eval::relations::evaluate_relations(&ex, &items);
                report.errors.truncate(errors);
                if json {
                    emit(&format!("{}\n", serde_json::to_string_pretty(&report)?))?;
                } else {
                    emit(&format!("{report}\n"))?;
                }
            }
            for file in files {
                let fmt = match &format {
                    Some(f) => GoldFormat::parse(f).ok_or_else(|| {
                        zhkg::Error::Usage(format!(
                            "unknown gold format `{f}` (bio, bmes, cluener)"
                        ))
                    })?,
                    None => GoldFormat::guess(&file).ok_or_else(|| {
                        zhkg::Error::Usage(format!("{}: give --format", file.display()))
                    })?,
                };
                let mut set = eval::read_gold(&file, fmt)?;
                if let Some(n) = limit {
                    set = eval::limit(&set, n);
                }
                let report = eval::evaluate(&set, |s| ex.ner(s), errors);
                if json {
                    emit(&format!("{}\n", serde_json::to_string_pretty(&report)?))?;
                } else {
                    emit(&format!("{report}\n"))?;
                }
            }
        }
        Command::Train {
            data,
            out,
            epochs,
            seed,
            pd_holdout,
            pd_repeat,
            extra,
            cluener_repeat,
            name_lists,
            max_features,
        } => {
            let lex = lexicon(&cli.lexicon)?;
            let (examples, summary) = zhkg::ner::train::corpus(
                &data,
                &zhkg::ner::train::CorpusOptions {
                    pd_holdout,
                    pd_repeat,
                    cluener_repeat,
                    name_lists,
                    extra,
                },
            )?;
            for (file, n) in &summary {
                eprintln!("training on {file}: {n} sentences");
            }
            let feat = zhkg::ner::features::Featurizer::new(&lex);
            let opts = zhkg::ner::train::TrainOptions {
                epochs,
                seed,
                max_features,
            };
            let model = zhkg::ner::train::train(&feat, &examples, &opts, |e, err| {
                eprintln!("epoch {e}: {:.4} of training characters mislabelled", err);
            });
            let bytes = model.to_bytes();
            zhkg::output::write_atomic(&out, &bytes)?;
            eprintln!(
                "wrote {} ({} features, {} bytes)",
                out.display(),
                model.features(),
                bytes.len()
            );
        }
        Command::Export {
            format,
            graph,
            output,
            around,
            depth,
            kind,
            relation,
            article,
            layout,
        } => {
            let doc = GraphDoc::load(&graph)?;
            let kinds = (!kind.is_empty())
                .then(|| {
                    kind.iter()
                        .map(|k| {
                            NodeKind::parse(k)
                                .ok_or_else(|| zhkg::Error::Usage(format!("unknown kind `{k}`")))
                        })
                        .collect::<Result<Vec<_>, _>>()
                })
                .transpose()?;
            let relations = (!relation.is_empty())
                .then(|| {
                    relation
                        .iter()
                        .map(|r| {
                            Relation::parse(r).ok_or_else(|| {
                                zhkg::Error::Usage(format!("unknown relation `{r}`"))
                            })
                        })
                        .collect::<Result<Vec<_>, _>>()
                })
                .transpose()?;
            let layout_event = match layout.as_deref() {
                None => false,
                Some("event") => true,
                Some(other) => {
                    return Err(
                        zhkg::Error::Usage(format!("unknown layout `{other}` (event)")).into(),
                    )
                }
            };
            let opts = ViewOptions {
                around,
                depth,
                kinds,
                relations,
                article,
                layout_event,
            };
            let doc = view::apply(&doc, &opts)?;
            let bytes: Vec<u8> = match format.as_str() {
                "dot" => zhkg::export::dot::to_dot_with(&doc, layout_event).into_bytes(),
                "svg" | "png" => {
                    let dot = zhkg::export::dot::to_dot_with(&doc, layout_event);
                    pipeline::render_with_dot(&dot, &format)?.ok_or_else(|| zhkg::Error::Tool {
                        program: "dot".into(),
                        message: "Graphviz is not installed (apt-get install graphviz)".into(),
                    })?
                }
                other => {
                    let f = Format::parse(other)
                        .ok_or_else(|| zhkg::Error::Usage(format!("unknown format `{other}`")))?;
                    let rendered = formats::render(&doc, f)?;
                    match &output {
                        Some(path) => {
                            for p in rendered.write_to(path)? {
                                eprintln!("wrote {}", p.display());
                            }
                            return Ok(());
                        }
                        None => match rendered {
                            formats::ExportOutput::File(b) => b,
                            formats::ExportOutput::Files(_) => {
                                return Err(zhkg::Error::Usage(format!(
                                    "--format {other} writes several files: give -o FOLDER"
                                ))
                                .into())
                            }
                        },
                    }
                }
            };
            match output {
                Some(path) => {
                    zhkg::output::write_atomic(&path, &bytes)?;
                    eprintln!("wrote {}", path.display());
                }
                None => std::io::stdout().write_all(&bytes)?,
            }
        }
    }
    Ok(())
}

/// Writes to standard output without `print!`'s panic when the reader went away
/// (`zhkg … | head`): the error reaches `main`, which ends quietly.
fn emit(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

fn main() {
    let cli = Cli::parse();
    if let Err(e) = run(cli) {
        // A reader that went away (`zhkg … | head`) has all it wanted.
        if e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
        {
            std::process::exit(0);
        }
        eprintln!("zhkg: {e:#}");
        let code = match e.downcast_ref::<zhkg::Error>() {
            Some(zhkg::Error::Usage(_)) => 2,
            Some(zhkg::Error::NotFound(_) | zhkg::Error::Ambiguous(_)) => 3,
            _ => 1,
        };
        std::process::exit(code);
    }
}
