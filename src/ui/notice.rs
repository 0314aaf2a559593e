//! The error notice a failed section shows: a sentence, and Retry.

use crate::ui::listen::{listen, on};
use leptos::prelude::*;

/// A Retry button: its words and what it does.
#[derive(Clone)]
pub struct Retry {
    /// The button's text.
    pub label: String,
    /// Called when pressed.
    pub run: Callback<()>,
}

impl Retry {
    /// A Retry button saying `label`.
    pub fn new(label: &str, run: Callback<()>) -> Retry {
        Retry {
            label: label.to_owned(),
            run,
        }
    }
}

/// An alert with the reader's message and, when retrying can help, a Retry
/// button.
#[component]
pub fn Notice(
    /// The reader's sentence.
    message: String,
    /// The Retry button; none when retrying cannot help.
    #[prop(optional)]
    retry: Option<Retry>,
) -> impl IntoView {
    view! {
        <div class="notice" part="notice" role="alert">
            <p class="notice-text">{message}</p>
            {retry.map(|Retry { label, run }| view! {
                <button type="button" class="button" part="button retry" data-lede-retry="" use:listen=on(&["click"], move |_, _| {
                    run.try_run(());
                })>
                    {label}
                </button>
            })}
        </div>
    }
}
