//! The `zhkg` command: parses the command line, calls the library, draws progress and
//! maps errors to exit codes (1 for errors, 2 for usage, 3 for "not found /
//! ambiguous").

use anyhow::{Context, Result};
use clap::builder::NonEmptyStringValueParser;
use clap::{CommandFactory, Parser, Subcommand};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use zhkg::eval::{self, GoldFormat};
use zhkg::export::{self, Format, RenderOptions, ViewOptions};
use zhkg::extract::Extractor;
use zhkg::graph::{GraphDoc, NodeKind, Relation};
use zhkg::ingest::StdinFormat;
use zhkg::pipeline::{self, BuildOptions};
use zhkg::query::Query;

mod args;
mod progress;
mod questions;

use args::{
    extractor, format_parser, gold_format_parser, kind_parser, lexicon, model, relation_parser,
    stdin_format_parser, ExtractorArgs, GraphArgs, IdentityArgs,
};
use questions::{query_source, QueryGraphArgs, QuerySource, Question, DEFAULT_QUERY_GRAPH};

// glibc malloc spent about a sixth of a corpus build in malloc/free and in page
// faults of fresh arenas (perf); mimalloc keeps per-thread pages warm. Without
// transparent huge pages (`no_thp`): asked for them, the kernel zeroed a whole 2 MiB
// page at each first touch and again after each purge, a sixth of the build's CPU
// in system time on the 50 MB corpus.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "zhkg",
    version,
    about = "Chinese government and local news → knowledge graph"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the graph from articles: writes graph.json, graph.db, graph.facts.jsonl, graph.dot and graph.svg.
    #[command(after_help = "Examples:
  zhkg build data -o graphs
  cat article.txt | zhkg build - -o out
  zhkg build --update graphs/graph.json new-articles/")]
    Build {
        /// Files or folders (.txt, .md, .jsonl), or - for standard input.
        #[arg(default_value = "data", value_name = "INPUT")]
        inputs: Vec<PathBuf>,
        /// Output folder (default: graphs, or with --update the updated graph's folder).
        #[arg(short, long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Add the inputs to this saved graph without re-reading the articles already
        /// in it (the result equals a full rebuild); written in place unless -o is given.
        #[arg(long, value_name = "GRAPH_JSON")]
        update: Option<PathBuf>,
        /// Do not render graph.svg even when Graphviz is installed.
        #[arg(long)]
        no_svg: bool,
        /// Give graph.db the trigram index of the sentences, so that `zhkg query
        /// search` and the web app's search answer in milliseconds instead of
        /// scanning every sentence; it makes the database about three times slower
        /// to write.
        #[arg(long)]
        search_index: bool,
        /// How standard input is read: auto (JSONL when its first line is a JSON
        /// article), text or jsonl.
        #[arg(long, default_value = "auto", value_parser = stdin_format_parser())]
        stdin_format: StdinFormat,
        /// Skip input files larger than this many MB.
        #[arg(long, default_value_t = 256, value_name = "MB")]
        max_file_size: u64,
        /// Print the summary as JSON on standard output.
        #[arg(long)]
        json: bool,
        /// No progress bar and no summary.
        #[arg(short, long)]
        quiet: bool,
        /// Also list the files that were not read, and the persons and events joined
        /// across articles or kept apart.
        #[arg(short, long)]
        verbose: bool,
        #[command(flatten)]
        identity: IdentityArgs,
        #[command(flatten)]
        extractor: ExtractorArgs,
    },
    /// Join graphs built separately into the graph one build over all their inputs gives.
    #[command(after_help = "Example:
  zhkg merge part1 part2/graph.json -o all")]
    Merge {
        /// Graphs written by `zhkg build` (graph.json with its .facts.jsonl beside it,
        /// or the folder holding them).
        #[arg(required = true, num_args = 2.., value_name = "GRAPH")]
        graphs: Vec<PathBuf>,
        /// Output folder.
        #[arg(short, long, value_name = "DIR")]
        out: PathBuf,
        /// Do not render graph.svg even when Graphviz is installed.
        #[arg(long)]
        no_svg: bool,
        /// Give graph.db the trigram index of the sentences, so that `zhkg query
        /// search` and the web app's search answer in milliseconds instead of
        /// scanning every sentence; it makes the database about three times slower
        /// to write.
        #[arg(long)]
        search_index: bool,
        /// Print the summary as JSON on standard output.
        #[arg(long)]
        json: bool,
        /// Folder of lexicon files that replace the built-in ones file by file.
        #[arg(long, value_name = "DIR")]
        lexicon: Option<PathBuf>,
        #[command(flatten)]
        identity: IdentityArgs,
    },
    /// Ask a saved graph a question.
    #[command(after_help = "Examples:
  zhkg query attendees 揭牌仪式
  zhkg query events 马军 --json
  zhkg query positions 丁文霞
  zhkg query path 马军 丁文霞
  zhkg query search 惠济区 座谈
  zhkg query timeline 丁文霞
  zhkg query coattend 马军
  zhkg query events 马军 --graph graphs/graph.json")]
    Query {
        #[command(flatten)]
        graph: QueryGraphArgs,
        /// Answer as JSON.
        #[arg(long, global = true)]
        json: bool,
        #[command(subcommand)]
        question: Question,
    },
    /// The mention layer alone: one JSON object of entities per input line.
    #[command(after_help = "Example:\n  echo '惠济区委书记马军主持召开党政联席会议' | zhkg ner")]
    Ner {
        /// A file (UTF-8 or GB18030), or - (the default) for standard input.
        #[arg(default_value = "-", value_name = "INPUT")]
        input: PathBuf,
        #[command(flatten)]
        extractor: ExtractorArgs,
    },
    /// Score the extractor on annotated text (precision, recall, F1 per kind).
    #[command(after_help = "Examples:
  zhkg eval ../shared/eval/peoples-daily/dev.bio --errors 10
  zhkg eval --relations tests/fixtures/events
  zhkg eval --articles ../shared/eval/gov-news --gold tests/gold/gov-news.jsonl --split dev
  zhkg eval --articles tests/fixtures/identity/articles --identity tests/fixtures/identity/gold.jsonl")]
    #[command(group(clap::ArgGroup::new("article_gold").args(["gold", "identity"])))]
    Eval {
        /// Gold format of FILES (guessed from the extension when left out).
        #[arg(long, value_parser = gold_format_parser())]
        format: Option<GoldFormat>,
        /// Annotated NER files (BIO, BMES or CLUENER JSON lines).
        #[arg(required_unless_present_any = ["relations", "articles"], value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Build and score whole articles of this folder against --gold (persons,
        /// organisations, places, posts, events, roles, bylines, junk nodes) or
        /// --identity.
        #[arg(long, value_name = "DIR", requires = "article_gold")]
        articles: Option<PathBuf>,
        /// Build all of --articles into one graph and score which person and event
        /// mentions it makes one node against this file's clusters (B-cubed).
        #[arg(
            long,
            value_name = "FILE",
            requires = "articles",
            conflicts_with = "gold"
        )]
        identity: Option<PathBuf>,
        /// The annotation of --articles (docs/annotation.md).
        #[arg(long, value_name = "FILE", requires = "articles")]
        gold: Option<PathBuf>,
        /// Only the articles of this split of --gold.
        #[arg(long, value_parser = ["dev", "test"], requires = "articles")]
        split: Option<String>,
        /// Also score event roles and posts on a folder of annotated sentences.
        #[arg(long, value_name = "DIR")]
        relations: Option<PathBuf>,
        /// Score only the first N sentences of each file.
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
        /// Show N false positives and N false negatives.
        #[arg(long, default_value_t = 0, value_name = "N")]
        errors: usize,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
        /// Score one-character gold places (中 of 中美, 京 of 在京) too: by default
        /// they are kept aside, as the mention layer emits no such short form.
        #[arg(long)]
        score_short_places: bool,
        #[command(flatten)]
        resolution: IdentityArgs,
        #[command(flatten)]
        extractor: ExtractorArgs,
    },
    /// Train the NER model on the allowed splits of the evaluation data.
    #[command(
        after_help = "Example:\n  zhkg train --data ../shared/eval --extra target/train-data -o data/model/ner.bin\n\nReads peoples-daily/dev.bio (without its first --pd-holdout sentences),\ncluener2020/train.jsonl, resume/train.bmes and resume/dev.bmes, and with --extra the\nMSRA training split and the People's Daily 1998 corpus that\nscripts/fetch_training_data.sh downloads. The report-only msra/test.bio and\nresume/test.bmes are read only to drop extra sentences that repeat them."
    )]
    Train {
        /// The evaluation data folder.
        #[arg(long, default_value = "../shared/eval", value_name = "DIR")]
        data: PathBuf,
        /// Where to write the model.
        #[arg(short, long, default_value = "data/model/ner.bin", value_name = "FILE")]
        out: PathBuf,
        /// Passes over the data.
        #[arg(long, default_value_t = 10)]
        epochs: usize,
        /// Seed of the example order.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// People's Daily dev sentences (from the start) kept out of training.
        #[arg(long, default_value_t = zhkg::ner::train::PEOPLES_DAILY_HOLDOUT)]
        pd_holdout: usize,
        /// How many times People's Daily sentences are seen per pass.
        #[arg(long, default_value_t = zhkg::ner::train::PEOPLES_DAILY_REPEAT)]
        pd_repeat: usize,
        /// The folder `scripts/fetch_training_data.sh` fills: the MSRA training split
        /// and the People's Daily 1998 corpus (persons), trained on as well.
        #[arg(long, value_name = "DIR")]
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
        /// Folder of lexicon files that replace the built-in ones file by file.
        #[arg(long, value_name = "DIR")]
        lexicon: Option<PathBuf>,
    },
    /// Export a saved graph (or a view of it) for another tool.
    #[command(after_help = "Examples:
  zhkg export --format gexf -o graph.gexf
  zhkg export --format svg --around 马军 -o majun.svg
  zhkg export --format neo4j -o neo4j/")]
    Export {
        /// The format to write.
        #[arg(long, default_value = "dot", value_parser = format_parser())]
        format: Format,
        #[command(flatten)]
        graph: GraphArgs,
        /// Output file (a folder for neo4j); standard output when left out.
        #[arg(short, long, value_name = "PATH")]
        out: Option<PathBuf>,
        /// Only the neighbourhood of this person, organisation or event.
        #[arg(long, value_name = "NAME", value_parser = NonEmptyStringValueParser::new())]
        around: Option<String>,
        /// Steps from --around.
        #[arg(long, requires = "around", value_name = "N")]
        depth: Option<usize>,
        /// Only these node kinds (comma-separated).
        #[arg(long, value_delimiter = ',', value_parser = kind_parser())]
        kind: Vec<NodeKind>,
        /// Only these relations (comma-separated).
        #[arg(long, value_delimiter = ',', value_parser = relation_parser())]
        relation: Vec<Relation>,
        /// Only what one article says (its id, headline or source file).
        #[arg(long, value_name = "ARTICLE", value_parser = NonEmptyStringValueParser::new())]
        article: Option<String>,
        /// event: people and events only, events ordered by date.
        #[arg(long, value_parser = ["event"])]
        layout: Option<String>,
    },
    /// Explore a graph.db in the browser: search, person and event pages, ego graphs (read-only).
    #[command(after_help = "Example:
  zhkg serve --graph graphs/graph.db --port 8080   # then open http://127.0.0.1:8080/

JSON API: /api/search?q=TEXT, /api/person/ID, /api/event/ID, /api/node/ID,
/api/neighbors/ID?depth=N.")]
    Serve {
        /// The graph database (graph.db, or the folder holding it).
        #[arg(long, default_value = DEFAULT_QUERY_GRAPH, value_name = "GRAPH_DB")]
        graph: PathBuf,
        /// Port to listen on (0: any free port, printed).
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// Address to listen on; the default answers this machine only.
        #[arg(long, default_value = "127.0.0.1", value_name = "IP")]
        bind: std::net::IpAddr,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    #[command(
        after_help = "Example:\n  zhkg completions bash > ~/.local/share/bash-completion/completions/zhkg"
    )]
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff).
    #[command(after_help = "Example:\n  zhkg man > zhkg.1 && man ./zhkg.1")]
    Man,
}

/// A saved graph: `path` itself, or the graph.json of a folder.
fn load_graph(path: &Path) -> Result<GraphDoc> {
    Ok(GraphDoc::load(&pipeline::graph_file(path))?)
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Build {
            inputs,
            out,
            update,
            no_svg,
            search_index,
            stdin_format,
            max_file_size,
            json,
            quiet,
            verbose,
            identity,
            extractor: args,
        } => {
            let lex = lexicon(&args.lexicon)?;
            let bar = progress::Bar::new(!quiet && !json);
            let summary = pipeline::build_with_loader(
                &lex,
                // The labeller's model is decoded with the rest of the extractor,
                // beside the reading.
                || Ok(Extractor::with_model(lex.clone(), model(&args.model)?)),
                &BuildOptions {
                    inputs,
                    out_dir: out,
                    svg: !no_svg,
                    search_index,
                    update,
                    stdin_format,
                    max_file_bytes: max_file_size.saturating_mul(1 << 20),
                    identity: identity.given(),
                },
                &|p| bar.show(p),
            );
            bar.show(pipeline::Progress::Finished);
            let summary = summary?;
            if json {
                emit(&format!("{}\n", serde_json::to_string_pretty(&summary)?))?;
            } else if !quiet {
                eprint!("{summary}");
            }
            if verbose {
                eprint!("{}", summary.identity);
                for name in &summary.not_read {
                    eprintln!("not read: {}", zhkg::terminal::escape(name));
                }
            }
        }
        Command::Merge {
            graphs,
            out,
            no_svg,
            search_index,
            json,
            lexicon: dir,
            identity,
        } => {
            let lex = lexicon(&dir)?;
            let summary = pipeline::run_merge(
                &lex,
                identity.given(),
                &graphs,
                &out,
                pipeline::Extras {
                    svg: !no_svg,
                    search_index,
                },
            )?;
            if json {
                emit(&format!("{}\n", serde_json::to_string_pretty(&summary)?))?;
            } else {
                eprint!("{summary}");
            }
        }
        Command::Query {
            graph,
            json,
            question,
        } => {
            let question = question.into_library();
            let answer = match query_source(&graph.graph) {
                QuerySource::Db(path) => zhkg::store::Store::open(&path)?.ask(&question),
                QuerySource::Json(path) => Query::new(&load_graph(&path)?).ask(&question),
            };
            // With --json, the candidates of an ambiguous name are the answer on
            // standard output too (the exit code still says no one was chosen).
            let answer = match answer {
                Err(zhkg::Error::AmbiguousName(amb)) if json => {
                    emit(&format!("{}\n", serde_json::to_string_pretty(&amb)?))?;
                    return Err(zhkg::Error::AmbiguousName(amb).into());
                }
                other => other?,
            };
            if json {
                emit(&format!("{}\n", serde_json::to_string_pretty(&answer)?))?;
            } else {
                emit(&format!("{answer}"))?;
            }
        }
        Command::Serve { graph, port, bind } => {
            let db = if graph.is_dir() {
                graph.join("graph.db")
            } else {
                graph
            };
            zhkg::serve::serve(&db, std::net::SocketAddr::new(bind, port), |addr| {
                eprintln!(
                    "serving {} on http://{addr}/ (Ctrl-C to stop)",
                    db.display()
                );
            })?;
        }
        Command::Ner {
            input,
            extractor: args,
        } => {
            let ex = extractor(&args)?;
            let (bytes, name) = if input.as_os_str() == "-" {
                let mut bytes = Vec::new();
                std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes)?;
                (bytes, PathBuf::from("<stdin>"))
            } else {
                let bytes = std::fs::read(&input).with_context(|| input.display().to_string())?;
                (bytes, input)
            };
            let text = zhkg::ingest::decode(&bytes, &name)?;
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            for line in text.lines() {
                let entities = ex.ner(line);
                writeln!(out, "{}", serde_json::json!({ "entities": entities }))?;
            }
            out.flush()?;
        }
        Command::Eval {
            format,
            files,
            articles,
            identity,
            gold,
            split,
            relations,
            limit,
            errors,
            json,
            score_short_places,
            resolution,
            extractor: args,
        } => {
            let ex = extractor(&args)?;
            if let (Some(dir), Some(gold)) = (&articles, identity) {
                let gold = eval::identity::read_gold_identity(&gold)?;
                let opts = resolution.options();
                let mut report = eval::identity::evaluate_identity(&ex, dir, &gold, &opts)?;
                report.errors.truncate(errors);
                print_report(&report, json)?;
            }
            if let (Some(dir), Some(gold)) = (articles, gold) {
                let gold = eval::articles::read_gold_articles(&gold)?;
                let mut report =
                    eval::articles::evaluate_articles(&ex, &dir, &gold, split.as_deref())?;
                report.errors.truncate(errors);
                report.junk_nodes.truncate(errors);
                print_report(&report, json)?;
            }
            if let Some(dir) = relations {
                let items = eval::relations::read_items(&dir)?;
                let mut report = eval::relations::evaluate_relations(&ex, &items);
                report.errors.truncate(errors);
                print_report(&report, json)?;
            }
            for file in files {
                let fmt = match format.or_else(|| GoldFormat::guess(&file)) {
                    Some(f) => f,
                    None => {
                        return Err(zhkg::Error::UnknownFormat(format!(
                            "{}: give --format (bio, bmes or cluener)",
                            file.display()
                        ))
                        .into())
                    }
                };
                let mut set = eval::read_gold(&file, fmt)?;
                if let Some(n) = limit {
                    set = eval::limit(&set, n);
                }
                if !score_short_places {
                    set = eval::unscore_short_places(&set);
                }
                let report = eval::evaluate(&set, |s| ex.ner(s), errors);
                print_report(&report, json)?;
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
            lexicon: dir,
        } => {
            let lex = lexicon(&dir)?;
            let (examples, summary) = zhkg::ner::train::corpus(
                &data,
                &zhkg::ner::train::CorpusOptions {
                    peoples_daily_holdout: pd_holdout,
                    peoples_daily_repeat: pd_repeat,
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
                eprintln!("epoch {e}: {err:.4} of training characters mislabelled");
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
            out,
            around,
            depth,
            kind,
            relation,
            article,
            layout,
        } => {
            if out.is_none() && format.is_binary() && std::io::stdout().is_terminal() {
                return Err(zhkg::Error::InvalidOutput(format!(
                    "--format {format} is binary: give -o FILE or redirect standard output"
                ))
                .into());
            }
            let doc = load_graph(&graph.graph)?;
            let layout_event = layout.is_some();
            let opts = ViewOptions {
                around,
                depth: depth.unwrap_or(1),
                kinds: (!kind.is_empty()).then_some(kind),
                relations: (!relation.is_empty()).then_some(relation),
                article,
                layout_event,
            };
            let doc = export::apply_view(&doc, &opts)?;
            let rendered = export::render(&doc, format, RenderOptions { layout_event })?;
            match (&out, rendered) {
                (Some(path), rendered) => {
                    for p in rendered.write_to(path)? {
                        eprintln!("wrote {}", zhkg::terminal::escape(&p.display().to_string()));
                    }
                }
                (None, export::ExportOutput::File(bytes)) => std::io::stdout().write_all(&bytes)?,
                (None, export::ExportOutput::Files(_)) => {
                    return Err(zhkg::Error::InvalidOutput(format!(
                        "--format {format} writes several files: give -o FOLDER"
                    ))
                    .into())
                }
            }
        }
        Command::Completions { shell } => {
            let mut cmd = Cli::command();
            clap_complete::generate(shell, &mut cmd, "zhkg", &mut std::io::stdout());
        }
        Command::Man => {
            let mut out = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut out)?;
            std::io::stdout().write_all(&out)?;
        }
    }
    Ok(())
}

fn print_report(report: &(impl std::fmt::Display + serde::Serialize), json: bool) -> Result<()> {
    if json {
        emit(&format!("{}\n", serde_json::to_string_pretty(report)?))
    } else {
        emit(&format!("{report}\n"))
    }
}

/// Writes to standard output without `print!`'s panic when the reader went away
/// (`zhkg … | head`): the error reaches `main`, which ends quietly.
fn emit(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// The error and its causes, each said once: a library error already names its
/// cause, which the chain would repeat.
fn message(e: &anyhow::Error) -> String {
    let mut text = e.to_string();
    for cause in e.chain().skip(1) {
        let c = cause.to_string();
        if !text.contains(&c) {
            text.push_str(": ");
            text.push_str(&c);
        }
    }
    text
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
        eprintln!(
            "zhkg: {}",
            zhkg::terminal::escape(&message(&e)).replace("\\u{a}", "\n")
        );
        let code = match e.downcast_ref::<zhkg::Error>() {
            // The command asked for what cannot be done as asked: 2, like clap's own
            // usage errors.
            Some(
                zhkg::Error::InvalidOutput(_)
                | zhkg::Error::UnknownFormat(_)
                | zhkg::Error::MissingFile(_)
                | zhkg::Error::UnfinishedPublish(_)
                | zhkg::Error::Input { .. },
            ) => 2,
            Some(
                zhkg::Error::NotFound(_)
                | zhkg::Error::Ambiguous(_)
                | zhkg::Error::AmbiguousName(_),
            ) => 3,
            _ => 1,
        };
        std::process::exit(code);
    }
}
