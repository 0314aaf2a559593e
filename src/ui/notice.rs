//! The error notice a failed section shows: a sentence and Retry.

use crate::ui::handler;
use leptos::prelude::*;

/// An alert with the reader's message and, when retrying can help, a Retry
/// button.
#[component]
pub fn Notice(
    /// The reader's sentence.
    message: &'static str,
    /// The retry button's text; no button without it.
    #[prop(optional)]
    retry_label: Option<&'static str>,
    /// Called on Retry.
    #[prop(optional)]
    on_retry: Option<Callback<()>>,
) -> impl IntoView {
    view! {
        <div class="notice" role="alert">
            <p class="notice-text">{message}</p>
            {retry_label.zip(on_retry).map(|(label, retry)| view! {
                <button type="button" class="button" data-lede-retry="" on:click=handler(move |_| {
                    retry.try_run(());
                })>
                    {label}
                </button>
            })}
        </div>
    }
}
