//! `use_playback`: one video tile's playing state, told by the video's own
//! `play` and `pause` events, and the reader's ways to play and pause it.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What [`use_playback`] gives a video tile.
#[derive(Clone, Copy)]
pub struct UsePlaybackReturn {
    /// Whether the video plays, as its last `play` or `pause` event said.
    pub playing: ReadSignal<bool>,
    set_playing: WriteSignal<bool>,
    /// The video element, for the view's `node_ref`.
    pub video: NodeRef<html::Video>,
}

impl UsePlaybackReturn {
    /// Plays the video (muted, so no gesture is needed).
    pub fn play(&self) {
        let Some(Some(v)) = self.video.try_get_untracked() else {
            return;
        };
        if let Ok(p) = v.play() {
            // A play cut short by a pause rejects; that is no error.
            spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(p).await;
            });
        }
    }

    /// Pauses the video.
    pub fn pause(&self) {
        if let Some(Some(v)) = self.video.try_get_untracked() {
            let _ = v.pause();
        }
    }

    /// Plays a paused video, pauses a playing one (its button).
    pub fn toggle(&self) {
        if self.playing.get_untracked() {
            self.pause();
        } else {
            self.play();
        }
    }

    /// For the video's `play` (`true`) and `pause` (`false`) events.
    pub fn heard(&self, playing: bool) {
        self.set_playing.try_set(playing);
    }
}

/// The playback of the video in `video`.
pub fn use_playback(video: NodeRef<html::Video>) -> UsePlaybackReturn {
    let (playing, set_playing) = signal(false);
    UsePlaybackReturn {
        playing,
        set_playing,
        video,
    }
}
