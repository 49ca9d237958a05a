//! The progress bar `zhkg build` draws on standard error from what the library reports
//! ([`zhkg::pipeline::Progress`]); nothing when standard error is not a terminal (a
//! pipe, a log file, a test) or when it is not wanted.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use zhkg::pipeline::Progress;

/// A bar, or nothing.
pub struct Bar {
    bar: Option<ProgressBar>,
}

impl Bar {
    /// A bar when `wanted` and standard error is a terminal.
    pub fn new(wanted: bool) -> Bar {
        use std::io::IsTerminal;
        let bar = (wanted && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::new(0);
            bar.set_draw_target(ProgressDrawTarget::stderr());
            bar
        });
        Bar { bar }
    }

    /// Shows one report.
    pub fn show(&self, p: Progress) {
        let Some(bar) = &self.bar else {
            return;
        };
        match p {
            Progress::Stage { name, total, unit } => {
                let template = format!(
                    "{{msg:10}} [{{bar:30}}] {{human_pos}}/{{human_len}} {unit} ({{per_sec}}, {{eta}} left)"
                );
                let style = ProgressStyle::with_template(&template)
                    .unwrap_or_else(|_| ProgressStyle::default_bar())
                    .progress_chars("=> ");
                bar.set_style(style);
                bar.set_message(name.to_string());
                bar.set_length(total);
                bar.set_position(0);
                bar.reset_eta();
            }
            Progress::Total(n) => bar.set_length(n),
            Progress::Advance(n) => bar.inc(n),
            Progress::Step(what) => {
                bar.set_style(
                    ProgressStyle::with_template("{spinner} {msg}")
                        .unwrap_or_else(|_| ProgressStyle::default_spinner()),
                );
                bar.set_message(what.to_string());
                bar.enable_steady_tick(std::time::Duration::from_millis(120));
            }
            Progress::Finished => bar.finish_and_clear(),
        }
    }
}
