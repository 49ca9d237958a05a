//! The options several commands share, and the parsers and loaders behind them.

use anyhow::Result;
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use std::path::PathBuf;
use zhkg::eval::GoldFormat;
use zhkg::export::Format;
use zhkg::extract::Extractor;
use zhkg::graph::{NodeKind, Relation};
use zhkg::ingest::StdinFormat;
use zhkg::lexicon::Lexicon;
use zhkg::resolve::{ResolveOptions, UnplacedPersons};

/// `--lexicon` and `--model`, on the commands that extract.
#[derive(clap::Args, Clone)]
pub struct ExtractorArgs {
    /// Folder of lexicon files that replace the built-in ones file by file.
    #[arg(long, value_name = "DIR")]
    pub lexicon: Option<PathBuf>,
    /// NER model file (written by `zhkg train`) that replaces the built-in one.
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
}

/// `--graph` and `--json`, on the commands that read a saved graph; accepted before
/// or after a query's question.
#[derive(clap::Args, Clone)]
pub struct GraphArgs {
    /// The graph to read (graph.json, or the folder holding it).
    #[arg(
        long,
        global = true,
        default_value = "graphs/graph.json",
        value_name = "GRAPH"
    )]
    pub graph: PathBuf,
}

/// `--unplaced-persons`, on the commands that resolve entities.
#[derive(clap::Args, Clone)]
pub struct IdentityArgs {
    /// A person named with no place evidence (no post with a place, an article of no
    /// known place): single joins the one placed person of that name when there is
    /// exactly one, apart keeps each such article's own. Default: single, or with
    /// --update and merge the policy the graphs were built with (saved in graph.json;
    /// another is refused)
    #[arg(long, value_name = "POLICY", value_parser = unplaced_parser())]
    unplaced_persons: Option<UnplacedPersons>,
}

impl IdentityArgs {
    /// Resolution's options as given; `None` when the flag is left out.
    pub fn given(&self) -> Option<ResolveOptions> {
        self.unplaced_persons.map(|p| ResolveOptions {
            unplaced_persons: p,
        })
    }

    /// Resolution's options, the default where the flag is left out.
    pub fn options(&self) -> ResolveOptions {
        self.given().unwrap_or_default()
    }
}

/// A value parser over a library enum's names, so that help and errors list them.
fn names_parser<T: Copy + Send + Sync + 'static>(
    all: &'static [T],
    name: fn(T) -> &'static str,
) -> impl TypedValueParser<Value = T> {
    PossibleValuesParser::new(all.iter().map(|x| PossibleValue::new(name(*x))))
        .map(move |s| *all.iter().find(|x| name(**x) == s).expect("a listed name"))
}

pub fn format_parser() -> impl TypedValueParser<Value = Format> {
    names_parser(&Format::ALL, Format::as_str)
}
pub fn kind_parser() -> impl TypedValueParser<Value = NodeKind> {
    names_parser(&NodeKind::ALL, NodeKind::as_str)
}
pub fn relation_parser() -> impl TypedValueParser<Value = Relation> {
    names_parser(&Relation::ALL, Relation::as_str)
}
pub fn gold_format_parser() -> impl TypedValueParser<Value = GoldFormat> {
    names_parser(&GoldFormat::ALL, GoldFormat::as_str)
}
pub fn stdin_format_parser() -> impl TypedValueParser<Value = StdinFormat> {
    const ALL: [StdinFormat; 3] = [StdinFormat::Auto, StdinFormat::Text, StdinFormat::Jsonl];
    names_parser(&ALL, |f| match f {
        StdinFormat::Auto => "auto",
        StdinFormat::Text => "text",
        StdinFormat::Jsonl => "jsonl",
    })
}

/// The built-in lexicons, or those of `--lexicon DIR` over them.
pub fn lexicon(dir: &Option<PathBuf>) -> Result<Lexicon> {
    Ok(match dir {
        Some(dir) => Lexicon::with_overrides(dir)?,
        None => Lexicon::embedded(),
    })
}

/// The `--model` file, or the embedded model, decoded for this command alone (a build
/// frees it after extraction).
pub fn model(path: &Option<PathBuf>) -> zhkg::Result<std::sync::Arc<zhkg::ner::model::Model>> {
    Ok(std::sync::Arc::new(match path {
        Some(path) => zhkg::ner::load_model(path)?,
        None => zhkg::ner::decode_embedded_model(),
    }))
}

pub fn extractor(args: &ExtractorArgs) -> Result<Extractor> {
    Ok(Extractor::with_model(
        lexicon(&args.lexicon)?,
        model(&args.model)?,
    ))
}

fn unplaced_parser() -> impl TypedValueParser<Value = UnplacedPersons> {
    names_parser(&UnplacedPersons::ALL, UnplacedPersons::as_str)
}
