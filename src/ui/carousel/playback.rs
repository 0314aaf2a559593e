//! `use_playback`: one video tile's playing state, told by the video's own
//! `play` and `pause` events, and the reader's ways to play and pause it;
//! `use_intent`: the reader's intent on a slide (the pointer or focus
//! coming in), which plays a video and loads its media.

use crate::dom::reduced_motion;
use crate::ui::flag::{flag, Flag, SetFlag};
use crate::ui::keep::ElementRef;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::{EventTarget, HtmlMediaElement, Node};

/// What [`use_playback`] gives a video tile.
#[derive(Clone, Copy)]
pub struct UsePlaybackReturn {
    /// Whether the video plays, as its last `play` or `pause` event said.
    pub playing: Flag,
    set_playing: SetFlag,
    /// Whether the reader has asked it to play: a video with a poster gets
    /// its `src` only then.
    pub asked: Flag,
    set_asked: SetFlag,
    /// The video element, for the view's `use:keep`.
    pub video: ElementRef,
}

impl UsePlaybackReturn {
    /// Plays the video (muted, so no gesture is needed). It plays once the
    /// view has caught up: a video just allowed to load gets its `src` from
    /// an effect, and setting a `src` aborts a play already asked for.
    pub fn play(&self) {
        if self.asked.untracked() == Some(false) {
            self.set_asked.set(true);
        }
        let video = self.video;
        spawn_local(async move {
            let Some(Some(v)) = video.try_get_untracked() else {
                return;
            };
            if let Ok(p) = v.unchecked_ref::<HtmlMediaElement>().play() {
                // A play cut short by a pause rejects; that is no error.
                let _ = wasm_bindgen_futures::JsFuture::from(p).await;
            }
        });
    }

    /// The reader's intent: the pointer or focus coming into the tile
    /// (`true`) plays the video, unless the reader asked for less motion
    /// (then only its button does); leaving pauses it. Returns whether the
    /// video was asked to play, so that its media must load now.
    pub fn intent(&self, into: bool) -> bool {
        if !into {
            self.pause();
            return false;
        }
        if reduced_motion() {
            return false;
        }
        self.play();
        true
    }

    /// Pauses the video.
    pub fn pause(&self) {
        if let Some(Some(v)) = self.video.try_get_untracked() {
            let _ = v.unchecked_ref::<HtmlMediaElement>().pause();
        }
    }

    /// Plays a paused video, pauses a playing one (its button).
    pub fn toggle(&self) {
        if self.playing.untracked() == Some(true) {
            self.pause();
        } else {
            self.play();
        }
    }

    /// For the video's `play` (`true`) and `pause` (`false`) events.
    pub fn heard(&self, playing: bool) {
        self.set_playing.set(playing);
    }
}

/// The playback of the video in `video`.
pub fn use_playback(video: ElementRef) -> UsePlaybackReturn {
    let (playing, set_playing) = flag();
    let (asked, set_asked) = flag();
    UsePlaybackReturn {
        playing,
        set_playing,
        asked,
        set_asked,
        video,
    }
}

/// What [`use_intent`] gives a slide: its handlers for the reader's intent.
#[derive(Clone, Copy)]
pub struct UseIntentReturn {
    root: ElementRef,
    playback: Option<UsePlaybackReturn>,
    set_loaded: SetFlag,
}

impl UseIntentReturn {
    /// The pointer came into (`true`) or left the slide: a video plays or
    /// pauses, and a far slide's video loads at once.
    pub fn pointer(&self, into: bool) {
        if self.playback.is_some_and(|p| p.intent(into)) {
            self.set_loaded.set(true);
        }
    }

    /// Focus came into (`true`) or left the slide, from or to `related`:
    /// moving within the slide is neither. Chromium fires `focusout` on a
    /// focused slide as it is removed, after its owner is gone: nothing
    /// here may panic on a disposed node ref.
    pub fn focus(&self, into: bool, related: Option<EventTarget>) {
        let crosses = self
            .root
            .try_get_untracked()
            .flatten()
            .is_some_and(|slide| {
                !related
                    .and_then(|r| r.dyn_into::<Node>().ok())
                    .is_some_and(|r| slide.contains(Some(&r)))
            });
        if crosses {
            self.pointer(into);
        }
    }
}

/// The reader's intent on the slide `root` will hold: for a video's
/// `playback` (none for an image), with `set_loaded` to load its media.
pub fn use_intent(
    root: ElementRef,
    playback: Option<UsePlaybackReturn>,
    set_loaded: SetFlag,
) -> UseIntentReturn {
    UseIntentReturn {
        root,
        playback,
        set_loaded,
    }
}
