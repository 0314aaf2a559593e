//! The widget's own words, in the languages it speaks, chosen by a BCP 47
//! `lang` tag (from the host element or `<html>`), with the publisher's own
//! words (`data-heading`, `data-text-<key>` attribute values) over them.
//!
//! Each language is one [`Words`] table, a struct with a named field per
//! text: a language missing a word does not compile.

use std::cell::RefCell;

/// A language Lede has words for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    /// English, also the fallback for languages Lede does not have.
    #[default]
    En,
    /// Arabic.
    Ar,
    /// Persian.
    Fa,
    /// Urdu.
    Ur,
    /// Hebrew.
    He,
    /// French.
    Fr,
    /// Spanish.
    Es,
    /// German.
    De,
    /// Portuguese (Brazilian wording).
    Pt,
    /// Russian.
    Ru,
    /// Turkish.
    Tr,
    /// Indonesian.
    Id,
}

impl Language {
    /// Every language, in the README's order.
    pub const ALL: [Language; 12] = [
        Language::En,
        Language::Ar,
        Language::Fa,
        Language::Ur,
        Language::He,
        Language::Fr,
        Language::Es,
        Language::De,
        Language::Pt,
        Language::Ru,
        Language::Tr,
        Language::Id,
    ];

    /// The language of a `lang` attribute value: its primary subtag decides,
    /// case-insensitively (`fr`, `fr-CA`, `FR` are French); a language Lede
    /// does not have is English.
    ///
    /// ```
    /// use lede::core::text::Language;
    /// assert_eq!(Language::from_tag("fr-CA"), Language::Fr);
    /// assert_eq!(Language::from_tag("FA"), Language::Fa);
    /// assert_eq!(Language::from_tag("zh-Hant"), Language::En);
    /// assert_eq!(Language::from_tag(""), Language::En);
    /// ```
    pub fn from_tag(tag: &str) -> Language {
        let primary = primary_subtag(tag);
        Language::ALL
            .into_iter()
            .find(|l| primary.eq_ignore_ascii_case(l.code()))
            .unwrap_or_default()
    }

    /// The language's table, where its words are written: compiled in for
    /// every language natively, where tests read them all (and check that
    /// `words/<code>.txt` holds the same); the widget's code keeps only the
    /// [built-in](Language::built_in) ones.
    pub fn table(self) -> &'static Words {
        match self {
            Language::En => &EN,
            Language::Ar => &AR,
            Language::Fa => &FA,
            Language::Ur => &UR,
            Language::He => &HE,
            Language::Fr => &FR,
            Language::Es => &ES,
            Language::De => &DE,
            Language::Pt => &PT,
            Language::Ru => &RU,
            Language::Tr => &TR,
            Language::Id => &ID,
        }
    }

    /// Whether its words are in the widget's code: English (the fallback)
    /// and Arabic (the seed's language). The others come from
    /// `words/<code>.txt` beside the code when a widget first speaks them
    /// (see [`learn`]), so that a reader downloads one language's words,
    /// not twelve.
    pub fn built_in(self) -> bool {
        matches!(self, Language::En | Language::Ar)
    }

    /// Its words, one a line in [`KEYS`]' order: built in, or learnt; until
    /// they are, and when they could not be had, English's.
    fn words(self) -> &'static str {
        match self {
            Language::En => EN.packed,
            Language::Ar => AR.packed,
            // Natively (tests, doc examples) every table is at hand until a
            // test teaches another.
            #[cfg(not(target_arch = "wasm32"))]
            _ if learnt(self).is_none() => self.table().packed,
            _ => learnt(self).flatten().unwrap_or(EN.packed),
        }
    }

    /// Its ISO 639-1 code, the primary subtag that selects it.
    pub fn code(self) -> &'static str {
        nth(CODES, self as usize)
    }

    /// Written right to left.
    pub fn is_rtl(self) -> bool {
        matches!(
            self,
            Language::Ar | Language::Fa | Language::Ur | Language::He
        )
    }
}

/// The languages' codes, one a line in [`Language::ALL`]'s order.
const CODES: &str = "en\nar\nfa\nur\nhe\nfr\nes\nde\npt\nru\ntr\nid";

thread_local! {
    /// What [`learn`] was told of each language that is not built in: its
    /// words, or `None` when its file could not be used (English then).
    /// Kept for the page's life: a few hundred bytes per language.
    static LEARNT: RefCell<Vec<(Language, Option<&'static str>)>> = const { RefCell::new(Vec::new()) };
}

/// What [`learn`] was told of `language`: nothing yet (`None`), its words,
/// or that they could not be had (`Some(None)`).
fn learnt(language: Language) -> Option<Option<&'static str>> {
    LEARNT.with(|l| {
        l.borrow()
            .iter()
            .find(|&&(k, _)| k == language)
            .map(|&(_, w)| w)
    })
}

/// Whether a widget in `language` can speak now: its words are built in,
/// learnt, or known to be out of reach (it speaks English then). If not, its
/// words file is to be fetched and [`learn`]t first.
pub fn can_speak(language: Language) -> bool {
    language.built_in() || learnt(language).is_some()
}

/// Takes `language`'s words from the text of its `words/<code>.txt` (its
/// words one a line, in the keys' order), or learns that the file could not
/// be had (`None`). A file that is not exactly that is not used either:
/// English is spoken instead, and the error says why.
///
/// ```
/// use lede::core::text::{can_speak, learn, Lang, Language, Text};
/// assert!(!can_speak(Language::Tr));
/// assert_eq!(learn(Language::Tr, Some("Haberler\n")), Err("not one word a line"));
/// assert!(can_speak(Language::Tr));
/// assert_eq!(Text::Retry.get(Lang::from_tag("tr")), "Retry");
/// ```
pub fn learn(language: Language, text: Option<&str>) -> Result<(), &'static str> {
    let words = text.map(|t| t.strip_suffix('\n').unwrap_or(t));
    let why = match words {
        None => Some("could not be fetched"),
        Some(w) if w.split('\n').count() != WORDS => Some("not one word a line"),
        Some(w) => (0..WORDS).find_map(|i| unusable(i, nth(w, i))),
    };
    let kept = words
        .filter(|_| why.is_none())
        .map(|w| &*Box::leak(Box::<str>::from(w)));
    LEARNT.with(|l| l.borrow_mut().push((language, kept)));
    why.map_or(Ok(()), Err)
}

/// Why `value` cannot be word `i` (in [`KEYS`]' order), if it cannot.
fn unusable(i: usize, value: &str) -> Option<&'static str> {
    let bare = || fill(value, "", "");
    if value.is_empty() {
        Some("empty")
    } else if value.contains('<') {
        Some("looks like HTML (it is plain text)")
    } else if i == Text::ALL.len()
        && (bare() == fill(value, "1", "") || bare() == fill(value, "", "1"))
    {
        Some("needs {n} and {total} where the numbers go")
    } else {
        None
    }
}

/// The primary subtag of a language tag (`fr` of ` fr-CA`).
fn primary_subtag(tag: &str) -> &str {
    tag.trim().split(['-', '_']).next().unwrap_or("")
}

/// Every word of one language: its texts in [`Text`]'s order, then the
/// slide-position pattern ("{n} of {total}": the browser writes the
/// numbers in the widget's locale), one string with a line feed between
/// them (a table of 17 string references would cost the download more than
/// most languages' words). Made only by `words!`, which names every word:
/// a language missing one does not compile.
#[derive(Debug)]
pub struct Words {
    /// The texts and the pattern, separated by `\n`.
    packed: &'static str,
}

impl Words {
    /// The `i`th of the packed words.
    fn nth(&self, i: usize) -> &'static str {
        nth(self.packed, i)
    }
}

/// The `i`th line of `packed` (empty past the last), by hand: a `split`
/// iterator costs the download several times more.
fn nth(packed: &str, i: usize) -> &str {
    let mut line = 0;
    let mut start = 0;
    for (at, b) in packed.bytes().enumerate() {
        if b == b'\n' {
            if line == i {
                return packed.get(start..at).unwrap_or_default();
            }
            line += 1;
            start = at + 1;
        }
    }
    if line == i {
        packed.get(start..).unwrap_or_default()
    } else {
        ""
    }
}

/// A language's [`Words`], every one named, in [`Text`]'s order.
macro_rules! words {
    (
        related_stories: $related_stories:literal,
        previous: $previous:literal,
        next: $next:literal,
        video: $video:literal,
        play_video: $play_video:literal,
        pause_video: $pause_video:literal,
        retry: $retry:literal,
        loading_article: $loading_article:literal,
        loading_related: $loading_related:literal,
        article_failed: $article_failed:literal,
        article_timed_out: $article_timed_out:literal,
        article_offline: $article_offline:literal,
        related_failed: $related_failed:literal,
        related_timed_out: $related_timed_out:literal,
        related_offline: $related_offline:literal,
        misconfigured: $misconfigured:literal,
        slide_position: $slide_position:literal $(,)?
    ) => {
        Words {
            packed: concat!(
                $related_stories,
                "\n",
                $previous,
                "\n",
                $next,
                "\n",
                $video,
                "\n",
                $play_video,
                "\n",
                $pause_video,
                "\n",
                $retry,
                "\n",
                $loading_article,
                "\n",
                $loading_related,
                "\n",
                $article_failed,
                "\n",
                $article_timed_out,
                "\n",
                $article_offline,
                "\n",
                $related_failed,
                "\n",
                $related_timed_out,
                "\n",
                $related_offline,
                "\n",
                $misconfigured,
                "\n",
                $slide_position
            ),
        }
    };
}

const EN: Words = words! {
    related_stories: "Related stories",
    previous: "Previous stories",
    next: "Next stories",
    video: "Video",
    play_video: "Play video",
    pause_video: "Pause video",
    retry: "Retry",
    loading_article: "Loading the article…",
    loading_related: "Loading related stories…",
    article_failed: "This article could not be loaded.",
    article_timed_out: "This article is taking too long to load.",
    article_offline: "This article could not be loaded. Check your connection.",
    related_failed: "Related stories could not be loaded.",
    related_timed_out: "Related stories are taking too long to load.",
    related_offline: "Related stories could not be loaded. Check your connection.",
    misconfigured: "This news widget is not set up correctly.",
    slide_position: "{n} of {total}",
};

const AR: Words = words! {
    related_stories: "أخبار ذات صلة",
    previous: "الأخبار السابقة",
    next: "الأخبار التالية",
    video: "فيديو",
    play_video: "تشغيل الفيديو",
    pause_video: "إيقاف الفيديو مؤقتًا",
    retry: "إعادة المحاولة",
    loading_article: "جارٍ تحميل المقال…",
    loading_related: "جارٍ تحميل الأخبار ذات الصلة…",
    article_failed: "تعذّر تحميل هذا المقال.",
    article_timed_out: "يستغرق تحميل هذا المقال وقتًا أطول من المعتاد.",
    article_offline: "تعذّر تحميل هذا المقال. تحقّق من اتصالك بالإنترنت.",
    related_failed: "تعذّر تحميل الأخبار ذات الصلة.",
    related_timed_out: "يستغرق تحميل الأخبار ذات الصلة وقتًا أطول من المعتاد.",
    related_offline: "تعذّر تحميل الأخبار ذات الصلة. تحقّق من اتصالك بالإنترنت.",
    misconfigured: "لم يُضبط عنصر الأخبار هذا بشكل صحيح.",
    slide_position: "{n} من {total}",
};

const FA: Words = words! {
    related_stories: "خبرهای مرتبط",
    previous: "خبرهای قبلی",
    next: "خبرهای بعدی",
    video: "ویدیو",
    play_video: "پخش ویدیو",
    pause_video: "مکث ویدیو",
    retry: "تلاش دوباره",
    loading_article: "در حال بارگذاری خبر…",
    loading_related: "در حال بارگذاری خبرهای مرتبط…",
    article_failed: "این خبر بارگذاری نشد.",
    article_timed_out: "بارگذاری این خبر بیش از حد طول می‌کشد.",
    article_offline: "این خبر بارگذاری نشد. اتصال خود را بررسی کنید.",
    related_failed: "خبرهای مرتبط بارگذاری نشد.",
    related_timed_out: "بارگذاری خبرهای مرتبط بیش از حد طول می‌کشد.",
    related_offline: "خبرهای مرتبط بارگذاری نشد. اتصال خود را بررسی کنید.",
    misconfigured: "این بخش خبری درست تنظیم نشده است.",
    slide_position: "{n} از {total}",
};

const UR: Words = words! {
    related_stories: "متعلقہ خبریں",
    previous: "پچھلی خبریں",
    next: "اگلی خبریں",
    video: "ویڈیو",
    play_video: "ویڈیو چلائیں",
    pause_video: "ویڈیو روکیں",
    retry: "دوبارہ کوشش کریں",
    loading_article: "خبر لوڈ ہو رہی ہے…",
    loading_related: "متعلقہ خبریں لوڈ ہو رہی ہیں…",
    article_failed: "یہ خبر لوڈ نہیں ہو سکی۔",
    article_timed_out: "یہ خبر لوڈ ہونے میں بہت دیر لگ رہی ہے۔",
    article_offline: "یہ خبر لوڈ نہیں ہو سکی۔ اپنا کنکشن چیک کریں۔",
    related_failed: "متعلقہ خبریں لوڈ نہیں ہو سکیں۔",
    related_timed_out: "متعلقہ خبریں لوڈ ہونے میں بہت دیر لگ رہی ہے۔",
    related_offline: "متعلقہ خبریں لوڈ نہیں ہو سکیں۔ اپنا کنکشن چیک کریں۔",
    misconfigured: "خبروں کا یہ حصہ درست طور پر ترتیب نہیں دیا گیا۔",
    slide_position: "{total} میں سے {n}",
};

const HE: Words = words! {
    related_stories: "כתבות קשורות",
    previous: "הכתבות הקודמות",
    next: "הכתבות הבאות",
    video: "וידאו",
    play_video: "הפעלת הסרטון",
    pause_video: "השהיית הסרטון",
    retry: "לנסות שוב",
    loading_article: "הכתבה נטענת…",
    loading_related: "כתבות קשורות נטענות…",
    article_failed: "לא ניתן לטעון את הכתבה.",
    article_timed_out: "טעינת הכתבה נמשכת זמן רב מהרגיל.",
    article_offline: "לא ניתן לטעון את הכתבה. כדאי לבדוק את החיבור.",
    related_failed: "לא ניתן לטעון כתבות קשורות.",
    related_timed_out: "טעינת הכתבות הקשורות נמשכת זמן רב מהרגיל.",
    related_offline: "לא ניתן לטעון כתבות קשורות. כדאי לבדוק את החיבור.",
    misconfigured: "רכיב החדשות הזה לא הוגדר כראוי.",
    slide_position: "{n} מתוך {total}",
};

const FR: Words = words! {
    related_stories: "Sur le même sujet",
    previous: "Articles précédents",
    next: "Articles suivants",
    video: "Vidéo",
    play_video: "Lire la vidéo",
    pause_video: "Mettre la vidéo en pause",
    retry: "Réessayer",
    loading_article: "Chargement de l’article…",
    loading_related: "Chargement des articles…",
    article_failed: "Impossible de charger cet article.",
    article_timed_out: "Le chargement de cet article prend trop de temps.",
    article_offline: "Impossible de charger cet article. Vérifiez votre connexion.",
    related_failed: "Impossible de charger les articles.",
    related_timed_out: "Le chargement des articles prend trop de temps.",
    related_offline: "Impossible de charger les articles. Vérifiez votre connexion.",
    misconfigured: "Ce module d’actualités est mal configuré.",
    slide_position: "{n} sur {total}",
};

const ES: Words = words! {
    related_stories: "Noticias relacionadas",
    previous: "Noticias anteriores",
    next: "Noticias siguientes",
    video: "Video",
    play_video: "Reproducir video",
    pause_video: "Pausar video",
    retry: "Reintentar",
    loading_article: "Cargando la noticia…",
    loading_related: "Cargando noticias relacionadas…",
    article_failed: "No se pudo cargar esta noticia.",
    article_timed_out: "Esta noticia está tardando demasiado en cargar.",
    article_offline: "No se pudo cargar esta noticia. Comprueba tu conexión.",
    related_failed: "No se pudieron cargar las noticias relacionadas.",
    related_timed_out: "Las noticias relacionadas están tardando demasiado en cargar.",
    related_offline: "No se pudieron cargar las noticias relacionadas. Comprueba tu conexión.",
    misconfigured: "Este módulo de noticias no está bien configurado.",
    slide_position: "{n} de {total}",
};

const DE: Words = words! {
    related_stories: "Mehr zum Thema",
    previous: "Vorherige Artikel",
    next: "Nächste Artikel",
    video: "Video",
    play_video: "Video abspielen",
    pause_video: "Video pausieren",
    retry: "Erneut versuchen",
    loading_article: "Artikel wird geladen…",
    loading_related: "Weitere Artikel werden geladen…",
    article_failed: "Dieser Artikel konnte nicht geladen werden.",
    article_timed_out: "Das Laden dieses Artikels dauert zu lange.",
    article_offline:
        "Dieser Artikel konnte nicht geladen werden. Prüfen Sie Ihre Verbindung.",
    related_failed: "Weitere Artikel konnten nicht geladen werden.",
    related_timed_out: "Das Laden weiterer Artikel dauert zu lange.",
    related_offline:
        "Weitere Artikel konnten nicht geladen werden. Prüfen Sie Ihre Verbindung.",
    misconfigured: "Dieses Nachrichtenmodul ist nicht richtig eingerichtet.",
    slide_position: "{n} von {total}",
};

const PT: Words = words! {
    related_stories: "Notícias relacionadas",
    previous: "Notícias anteriores",
    next: "Próximas notícias",
    video: "Vídeo",
    play_video: "Reproduzir vídeo",
    pause_video: "Pausar vídeo",
    retry: "Tentar novamente",
    loading_article: "Carregando a notícia…",
    loading_related: "Carregando notícias relacionadas…",
    article_failed: "Não foi possível carregar esta notícia.",
    article_timed_out: "Esta notícia está demorando muito para carregar.",
    article_offline: "Não foi possível carregar esta notícia. Verifique sua conexão.",
    related_failed: "Não foi possível carregar as notícias relacionadas.",
    related_timed_out: "As notícias relacionadas estão demorando muito para carregar.",
    related_offline: "Não foi possível carregar as notícias relacionadas. Verifique sua conexão.",
    misconfigured: "Este módulo de notícias não está configurado corretamente.",
    slide_position: "{n} de {total}",
};

const RU: Words = words! {
    related_stories: "Читайте также",
    previous: "Предыдущие материалы",
    next: "Следующие материалы",
    video: "Видео",
    play_video: "Воспроизвести видео",
    pause_video: "Приостановить видео",
    retry: "Повторить",
    loading_article: "Загрузка материала…",
    loading_related: "Загрузка материалов…",
    article_failed: "Не удалось загрузить материал.",
    article_timed_out: "Материал загружается слишком долго.",
    article_offline: "Не удалось загрузить материал. Проверьте подключение.",
    related_failed: "Не удалось загрузить материалы по теме.",
    related_timed_out: "Материалы по теме загружаются слишком долго.",
    related_offline: "Не удалось загрузить материалы по теме. Проверьте подключение.",
    misconfigured: "Новостной блок настроен неправильно.",
    slide_position: "{n} из {total}",
};

const TR: Words = words! {
    related_stories: "İlgili haberler",
    previous: "Önceki haberler",
    next: "Sonraki haberler",
    video: "Video",
    play_video: "Videoyu oynat",
    pause_video: "Videoyu duraklat",
    retry: "Tekrar dene",
    loading_article: "Haber yükleniyor…",
    loading_related: "İlgili haberler yükleniyor…",
    article_failed: "Bu haber yüklenemedi.",
    article_timed_out: "Bu haberin yüklenmesi çok uzun sürüyor.",
    article_offline: "Bu haber yüklenemedi. Bağlantınızı kontrol edin.",
    related_failed: "İlgili haberler yüklenemedi.",
    related_timed_out: "İlgili haberlerin yüklenmesi çok uzun sürüyor.",
    related_offline: "İlgili haberler yüklenemedi. Bağlantınızı kontrol edin.",
    misconfigured: "Bu haber bileşeni doğru ayarlanmamış.",
    slide_position: "{n} / {total}",
};

const ID: Words = words! {
    related_stories: "Berita terkait",
    previous: "Berita sebelumnya",
    next: "Berita berikutnya",
    video: "Video",
    play_video: "Putar video",
    pause_video: "Jeda video",
    retry: "Coba lagi",
    loading_article: "Memuat berita…",
    loading_related: "Memuat berita terkait…",
    article_failed: "Berita ini gagal dimuat.",
    article_timed_out: "Berita ini terlalu lama dimuat.",
    article_offline: "Berita ini gagal dimuat. Periksa koneksi Anda.",
    related_failed: "Berita terkait gagal dimuat.",
    related_timed_out: "Berita terkait terlalu lama dimuat.",
    related_offline: "Berita terkait gagal dimuat. Periksa koneksi Anda.",
    misconfigured: "Widget berita ini belum diatur dengan benar.",
    slide_position: "{n} dari {total}",
};

/// One of the widget's own texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    /// The carousel's heading and accessible name.
    RelatedStories,
    /// The previous button's accessible name.
    Previous,
    /// The next button's accessible name.
    Next,
    /// Said before a video tile's title.
    Video,
    /// The play button of a video tile.
    PlayVideo,
    /// The same button while the video plays.
    PauseVideo,
    /// The retry button.
    Retry,
    /// Announced while the article loads.
    LoadingArticle,
    /// Announced while related stories load.
    LoadingRelated,
    /// The article failed.
    ArticleFailed,
    /// The article took longer than the timeout.
    ArticleTimedOut,
    /// The article could not be reached at all.
    ArticleOffline,
    /// The related feed failed.
    RelatedFailed,
    /// The related feed took longer than the timeout.
    RelatedTimedOut,
    /// The related feed could not be reached at all.
    RelatedOffline,
    /// The embed's attributes are unusable.
    Misconfigured,
}

impl Text {
    /// Every text.
    pub const ALL: [Text; 16] = [
        Text::RelatedStories,
        Text::Previous,
        Text::Next,
        Text::Video,
        Text::PlayVideo,
        Text::PauseVideo,
        Text::Retry,
        Text::LoadingArticle,
        Text::LoadingRelated,
        Text::ArticleFailed,
        Text::ArticleTimedOut,
        Text::ArticleOffline,
        Text::RelatedFailed,
        Text::RelatedTimedOut,
        Text::RelatedOffline,
        Text::Misconfigured,
    ];

    /// The text in `lang`: the publisher's own words if it gave some, else
    /// the language's.
    pub fn get(self, lang: Lang) -> &'static str {
        lang.word(self as usize)
    }

    /// The text in a language's table.
    pub fn of(self, w: &'static Words) -> &'static str {
        w.nth(self as usize)
    }

    /// Its key in `data-text-<key>` (kebab-case).
    pub fn key(self) -> &'static str {
        nth(KEYS, self as usize)
    }
}

/// The keys of `data-text-<key>`, in [`Text`]'s order, then the
/// slide-position pattern's, one a line.
const KEYS: &str = "related-stories\nprevious\nnext\nvideo\nplay-video\npause-video\nretry\n\
loading-article\nloading-related\narticle-failed\narticle-timed-out\narticle-offline\n\
related-failed\nrelated-timed-out\nrelated-offline\nmisconfigured\nslide-position";

/// How many words a publisher can set: the texts and the pattern.
const WORDS: usize = Text::ALL.len() + 1;

/// The key of the slide-position pattern in `data-text-<key>`.
pub const SLIDE_POSITION_KEY: &str = "slide-position";

/// The attribute that sets the carousel's heading and accessible name.
pub const HEADING_ATTR: &str = "data-heading";

/// The prefix of the attributes that set one word each.
pub const TEXT_ATTR_PREFIX: &str = "data-text-";

/// Everything a [`Lang`] stands for.
#[derive(Debug, PartialEq, Eq)]
struct Speech {
    language: Language,
    /// The tag numbers are written with, when it is not the language's
    /// code: the `lang` tag as given (trimmed), if its language is the one
    /// spoken.
    numbers: String,
    /// The publisher's words, one a line in [`KEYS`]' order (an empty line:
    /// the language's), or empty when it gave none.
    own: String,
}

static ENGLISH: Speech = Speech {
    language: Language::En,
    numbers: String::new(),
    own: String::new(),
};

static ARABIC: Speech = Speech {
    language: Language::Ar,
    numbers: String::new(),
    own: String::new(),
};

thread_local! {
    /// Every distinct [`Speech`] made so far, kept for the page's life: a
    /// page has a handful (one per language and set of publisher's words, a
    /// few hundred bytes each), and in return a [`Lang`] is a `Copy`
    /// reference that views can capture freely.
    static SPOKEN: RefCell<Vec<&'static Speech>> = const { RefCell::new(Vec::new()) };
}

fn intern(speech: Speech) -> Lang {
    if speech == ENGLISH {
        return Lang::En;
    }
    SPOKEN.with(|spoken| {
        let mut spoken = spoken.borrow_mut();
        if let Some(&s) = spoken.iter().find(|&&s| *s == speech) {
            return Lang(s);
        }
        let s: &'static Speech = Box::leak(Box::new(speech));
        spoken.push(s);
        Lang(s)
    })
}

/// A widget's language: which built-in words, the tag that the browser
/// formats numbers and dates with, and the publisher's own words. A `Copy`
/// handle; two equal ones say the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lang(&'static Speech);

impl Default for Lang {
    fn default() -> Lang {
        Lang::En
    }
}

#[allow(non_upper_case_globals)]
impl Lang {
    /// English, with no tag and no publisher's words.
    pub const En: Lang = Lang(&ENGLISH);
    /// Arabic, with no tag and no publisher's words.
    pub const Ar: Lang = Lang(&ARABIC);
}

impl Lang {
    /// The widget's language for a `lang` tag, with the built-in words only.
    ///
    /// ```
    /// use lede::core::text::{Lang, Language, Text};
    /// let he = Lang::from_tag("he-IL");
    /// assert_eq!(he.language(), Language::He);
    /// assert!(he.is_rtl());
    /// assert_eq!(Text::Retry.get(Lang::from_tag("fr-CA")), "Réessayer");
    /// assert_eq!(Text::Retry.get(Lang::from_tag("zh")), "Retry");
    /// ```
    pub fn from_tag(tag: &str) -> Lang {
        Lang::with_words(tag, []).0
    }

    /// The widget's language for a `lang` tag, with the publisher's own
    /// words: `(name, value)` of its `data-text-<key>` and `data-heading`
    /// attributes, in order (a word given twice: the last one counts).
    ///
    /// Returns the language and a console line for each word not used: an
    /// unknown key, an empty value, one that looks like HTML (`<`: the
    /// widget shows text, never markup), or a slide-position pattern without
    /// `{n}` and `{total}`. Values are trimmed; a line break in one is a
    /// space.
    ///
    /// ```
    /// use lede::core::text::{Lang, Text};
    /// let (lang, notes) = Lang::with_words(
    ///     "en",
    ///     [("data-heading", "More from The Meridian"), ("data-text-retyr", "Again")],
    /// );
    /// assert_eq!(Text::RelatedStories.get(lang), "More from The Meridian");
    /// assert_eq!(notes, ["lede: data-text-retyr is not used: unknown key"]);
    /// ```
    pub fn with_words<'a>(
        tag: &str,
        words: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> (Lang, Vec<String>) {
        let mut own = [""; WORDS];
        let mut notes = Vec::new();
        for (name, value) in words {
            let value = value.trim();
            let key = if name == HEADING_ATTR {
                "related-stories"
            } else {
                name.strip_prefix(TEXT_ATTR_PREFIX).unwrap_or(name)
            };
            let word = (0..WORDS).find(|&i| nth(KEYS, i) == key);
            let why = match word.map(|i| (i, unusable(i, value))) {
                None => "unknown key",
                Some((_, Some(why))) => why,
                Some((i, None)) => {
                    if let Some(slot) = own.get_mut(i) {
                        *slot = value;
                    }
                    continue;
                }
            };
            notes.push(["lede: ", name, " is not used: ", why].concat());
        }
        let mut packed = String::new();
        if own.iter().any(|w| !w.is_empty()) {
            for w in own {
                for c in w.chars() {
                    packed.push(if c == '\n' { ' ' } else { c });
                }
                packed.push('\n');
            }
        }
        let tag = tag.trim();
        let language = Language::from_tag(tag);
        let numbers = if primary_subtag(tag).eq_ignore_ascii_case(language.code()) {
            tag
        } else {
            ""
        };
        let speech = Speech {
            language,
            numbers: numbers.to_owned(),
            own: packed,
        };
        (intern(speech), notes)
    }

    /// Which built-in words.
    pub fn language(self) -> Language {
        self.0.language
    }

    /// Written right to left (when no `dir` says otherwise).
    pub fn is_rtl(self) -> bool {
        self.0.language.is_rtl()
    }

    /// The tag to format numbers with: the `lang` tag when its language is
    /// the one spoken (so `ar-u-nu-latn` keeps its Latin digits), else the
    /// language's code (English words get English numbers on a `zh` page).
    pub fn number_tag(self) -> &'static str {
        let Speech {
            language, numbers, ..
        } = self.0;
        if numbers.is_empty() {
            language.code()
        } else {
            numbers
        }
    }

    /// Word `i` in [`KEYS`]' order: the publisher's, else the language's.
    fn word(self, i: usize) -> &'static str {
        match nth(&self.0.own, i) {
            "" => nth(self.0.language.words(), i),
            own => own,
        }
    }

    /// The slide-position pattern, "{n} of {total}".
    fn slide_position(self) -> &'static str {
        self.word(Text::ALL.len())
    }
}

/// `pattern` with `{n}` and `{total}` replaced (by hand: a substring search
/// would cost the download more than this).
fn fill(pattern: &str, n: &str, total: &str) -> String {
    let mut parts = pattern.split('{');
    let mut out = String::from(parts.next().unwrap_or_default());
    for part in parts {
        if let Some(rest) = part.strip_prefix("n}") {
            out.push_str(n);
            out.push_str(rest);
        } else if let Some(rest) = part.strip_prefix("total}") {
            out.push_str(total);
            out.push_str(rest);
        } else {
            out.push('{');
            out.push_str(part);
        }
    }
    out
}

/// The accessible label of slide `position` (0-based) of `total`, with the
/// numbers written by `number` (the browser layer formats them in the
/// widget's locale; see `dom::slide_label`).
///
/// ```
/// use lede::core::text::{slide_label_with, Lang};
/// let n = |n: usize| n.to_string();
/// assert_eq!(slide_label_with(Lang::En, 0, 8, &n), "1 of 8");
/// assert_eq!(slide_label_with(Lang::from_tag("ur"), 2, 8, &n), "8 میں سے 3");
/// ```
pub fn slide_label_with(
    lang: Lang,
    position: usize,
    total: usize,
    number: &dyn Fn(usize) -> String,
) -> String {
    fill(
        lang.slide_position(),
        &number(position.saturating_add(1)),
        &number(total),
    )
}

/// The accessible label of slide `position` (0-based) of `total`, with
/// ASCII digits.
///
/// ```
/// use lede::core::text::{slide_label, Lang};
/// assert_eq!(slide_label(Lang::En, 0, 8), "1 of 8");
/// assert_eq!(slide_label(Lang::Ar, 9998, 10000), "9999 من 10000");
/// ```
pub fn slide_label(lang: Lang, position: usize, total: usize) -> String {
    slide_label_with(lang, position, total, &|n| n.to_string())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// Fails to compile when a language is added without a place here, so
    /// that [`Language::ALL`] cannot miss one.
    fn index(l: Language) -> usize {
        match l {
            Language::En => 0,
            Language::Ar => 1,
            Language::Fa => 2,
            Language::Ur => 3,
            Language::He => 4,
            Language::Fr => 5,
            Language::Es => 6,
            Language::De => 7,
            Language::Pt => 8,
            Language::Ru => 9,
            Language::Tr => 10,
            Language::Id => 11,
        }
    }

    #[test]
    fn every_language_is_listed_once_and_found_by_its_code() {
        for (i, l) in Language::ALL.into_iter().enumerate() {
            assert_eq!(index(l), i, "{l:?}");
            assert_eq!(Language::from_tag(l.code()), l);
            assert_eq!(Language::from_tag(&l.code().to_uppercase()), l);
        }
    }

    #[test]
    fn every_language_has_every_word() {
        for l in Language::ALL {
            let w = l.table();
            let mut seen: Vec<&str> = Vec::new();
            for t in Text::ALL {
                let s = t.of(w);
                assert!(!s.trim().is_empty(), "{l:?} {t:?}");
                assert!(!s.contains('\n'), "{l:?} {t:?}");
                assert_eq!(s, s.trim(), "{l:?} {t:?}: no outer spaces");
                assert!(!s.contains('<') && !s.contains('{'), "{l:?} {t:?}");
                assert!(s.chars().count() <= 90, "{l:?} {t:?}: short");
                seen.push(s);
            }
            let all = seen.len();
            seen.sort_unstable();
            seen.dedup();
            assert_eq!(seen.len(), all, "{l:?}: no two texts are the same");
            assert_eq!(w.packed.split('\n').count(), Text::ALL.len() + 1, "{l:?}");
            let p = w.nth(Text::ALL.len());
            assert_eq!(p.matches("{n}").count(), 1, "{l:?}");
            assert_eq!(p.matches("{total}").count(), 1, "{l:?}");
            if l != Language::En {
                // Words such as "Video" are the same in many languages; a
                // table copied from English would not differ anywhere else.
                let differ = Text::ALL
                    .into_iter()
                    .filter(|t| t.of(w) != t.of(&EN))
                    .count();
                assert!(differ >= 14, "{l:?} is translated");
            }
        }
    }

    #[test]
    fn every_text_is_in_its_script() {
        let script = |l: Language| -> fn(char) -> bool {
            match l {
                Language::Ar | Language::Fa | Language::Ur => {
                    |c| ('\u{600}'..='\u{6ff}').contains(&c)
                }
                Language::He => |c| ('\u{590}'..='\u{5ff}').contains(&c),
                Language::Ru => |c| ('\u{400}'..='\u{4ff}').contains(&c),
                _ => |c| c.is_ascii_alphabetic(),
            }
        };
        for l in Language::ALL {
            for t in Text::ALL {
                assert!(t.of(l.table()).chars().any(script(l)), "{l:?} {t:?}");
            }
        }
    }

    #[test]
    fn words_are_in_texts_order() {
        for (i, t) in Text::ALL.into_iter().enumerate() {
            assert_eq!(t as usize, i);
        }
        assert_eq!(Text::RelatedStories.get(Lang::En), "Related stories");
        assert_eq!(Text::Retry.get(Lang::En), "Retry");
        assert_eq!(
            Text::Misconfigured.get(Lang::En),
            "This news widget is not set up correctly."
        );
        assert_eq!(Text::Video.get(Lang::from_tag("fr")), "Vidéo");
    }

    /// `words/<code>.txt`, what the widget fetches for a language that is
    /// not built in, holds its table's words: run with
    /// `LEDE_WRITE_WORDS=1` after changing a table to write them.
    #[test]
    fn words_files_hold_the_tables() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("words");
        for l in Language::ALL {
            let path = dir.join(format!("{}.txt", l.code()));
            let want = format!("{}\n", l.table().packed);
            if l.built_in() {
                assert!(!path.exists(), "{l:?} is built in: no {path:?}");
                continue;
            }
            if std::env::var_os("LEDE_WRITE_WORDS").is_some() {
                std::fs::write(&path, &want).expect("write words");
            }
            let have = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                have == want,
                "{path:?} differs from the {l:?} table: run LEDE_WRITE_WORDS=1 cargo test"
            );
        }
        let files = std::fs::read_dir(&dir).expect("words/").count();
        assert_eq!(
            files,
            Language::ALL.iter().filter(|l| !l.built_in()).count()
        );
    }

    #[test]
    fn learning_a_language() {
        assert!(Language::ALL
            .into_iter()
            .all(|l| can_speak(l) == l.built_in()));
        // Natively the tables stand in until a language is learnt.
        assert_eq!(Text::Retry.get(Lang::from_tag("de")), "Erneut versuchen");
        let de = format!("{}\n", DE.packed.replace("Erneut versuchen", "Nochmal"));
        assert_eq!(learn(Language::De, Some(&de)), Ok(()));
        assert!(can_speak(Language::De));
        assert_eq!(Text::Retry.get(Lang::from_tag("de-AT")), "Nochmal");
        assert_eq!(slide_label(Lang::from_tag("de"), 0, 2), "1 von 2");

        assert_eq!(learn(Language::Fr, None), Err("could not be fetched"));
        assert_eq!(Text::Retry.get(Lang::from_tag("fr")), "Retry");
        assert!(Lang::from_tag("he").is_rtl());
        for (file, why) in [
            ("", "not one word a line"),
            ("a\nb", "not one word a line"),
            (&FA.packed.replacen("خبرهای قبلی", "", 1), "empty"),
            (
                &FA.packed.replacen("خبرهای قبلی", "<i>x</i>", 1),
                "looks like HTML (it is plain text)",
            ),
            (
                &FA.packed.replacen("{total}", "", 1),
                "needs {n} and {total} where the numbers go",
            ),
            (&format!("{}\n\n", FA.packed), "not one word a line"),
            (
                "<!doctype html>\n<title>Not found</title>",
                "not one word a line",
            ),
        ] {
            assert_eq!(learn(Language::Fa, Some(file)), Err(why));
            assert_eq!(Text::PlayVideo.get(Lang::from_tag("fa")), "Play video");
            assert!(
                Lang::from_tag("fa").is_rtl(),
                "English words, the page's direction"
            );
        }
    }

    #[test]
    fn language_tags() {
        for (tag, want) in [
            ("ar", Language::Ar),
            ("AR", Language::Ar),
            ("ar-EG", Language::Ar),
            ("ar_SA", Language::Ar),
            (" ar ", Language::Ar),
            ("fr-CA", Language::Fr),
            ("FA", Language::Fa),
            ("fa-IR", Language::Fa),
            ("he-IL", Language::He),
            ("ur-PK", Language::Ur),
            ("pt-BR", Language::Pt),
            ("pt-PT", Language::Pt),
            ("es-419", Language::Es),
            ("de-CH", Language::De),
            ("id", Language::Id),
            ("ru-RU", Language::Ru),
            ("tr", Language::Tr),
            ("ar-u-nu-latn", Language::Ar),
            ("zh", Language::En),
            ("zh-Hans-CN", Language::En),
            ("en", Language::En),
            ("", Language::En),
            ("-", Language::En),
            ("arz", Language::En),
            ("fr-ar", Language::Fr),
            ("iw", Language::En),
            ("français", Language::En),
            ("ف", Language::En),
        ] {
            assert_eq!(Language::from_tag(tag), want, "tag {tag:?}");
            assert_eq!(Lang::from_tag(tag).language(), want, "tag {tag:?}");
        }
    }

    #[test]
    fn direction() {
        for l in Language::ALL {
            let rtl = matches!(l, Language::Ar | Language::Fa | Language::Ur | Language::He);
            assert_eq!(l.is_rtl(), rtl, "{l:?}");
        }
        assert!(Lang::from_tag("fa").is_rtl());
        assert!(Lang::from_tag("HE-il").is_rtl());
        assert!(!Lang::from_tag("fr-CA").is_rtl());
        assert!(
            !Lang::from_tag("yi").is_rtl(),
            "English words, left to right"
        );
    }

    #[test]
    fn equal_languages_are_one() {
        assert_eq!(Lang::from_tag(""), Lang::En);
        assert_eq!(Lang::default(), Lang::En);
        assert_eq!(Lang::from_tag("fr-CA"), Lang::from_tag(" fr-CA "));
        assert_ne!(Lang::from_tag("fr-CA"), Lang::from_tag("fr"));
        let a = Lang::with_words("fr", [("data-text-retry", "Encore")]).0;
        let b = Lang::with_words("fr", [("data-text-retry", "Encore")]).0;
        assert!(std::ptr::eq(a.0, b.0), "kept once");
        assert_eq!(Lang::Ar.language(), Language::Ar);
    }

    #[test]
    fn number_tags() {
        assert_eq!(Lang::from_tag("ar-u-nu-latn").number_tag(), "ar-u-nu-latn");
        assert_eq!(Lang::from_tag("fa-IR").number_tag(), "fa-IR");
        assert_eq!(Lang::from_tag("zh").number_tag(), "en");
        assert_eq!(Lang::from_tag("").number_tag(), "en");
        assert_eq!(Lang::Ar.number_tag(), "ar");
    }

    #[test]
    fn publishers_words() {
        let long = "v".repeat(200);
        let (lang, notes) = Lang::with_words(
            "fa",
            [
                ("data-text-related-stories", "Related"),
                ("data-heading", "  More from The Meridian "),
                ("data-text-retry", "Again"),
                ("data-text-retry", "Once more"),
                ("data-text-slide-position", "Story {n} of {total}"),
                ("data-text-Retry", "x"),
                ("data-text-heading", "x"),
                ("data-text-next", "   "),
                ("data-text-previous", "<b>Back</b>"),
                ("data-text-pause-video", long.as_str()),
            ],
        );
        assert_eq!(Text::RelatedStories.get(lang), "More from The Meridian");
        assert_eq!(Text::Retry.get(lang), "Once more");
        assert_eq!(
            Text::Next.get(lang),
            "خبرهای بعدی",
            "an empty one is not used"
        );
        assert_eq!(Text::Previous.get(lang), "خبرهای قبلی", "nor HTML");
        assert_eq!(Text::PauseVideo.get(lang).len(), 200);
        assert_eq!(Text::PlayVideo.get(lang), "پخش ویدیو");
        assert_eq!(slide_label(lang, 1, 5), "Story 2 of 5");
        assert!(lang.is_rtl(), "the publisher's words keep the direction");
        assert_eq!(notes.len(), 4, "{notes:#?}");
        assert_eq!(
            notes,
            [
                "lede: data-text-Retry is not used: unknown key",
                "lede: data-text-heading is not used: unknown key",
                "lede: data-text-next is not used: empty",
                "lede: data-text-previous is not used: looks like HTML (it is plain text)",
            ]
        );

        for bad in ["{n}", "{total}", "n of total", "{n} of {tota}"] {
            let (lang, notes) = Lang::with_words("en", [("data-text-slide-position", bad)]);
            assert_eq!(slide_label(lang, 0, 3), "1 of 3");
            assert!(notes[0].contains("needs {n} and {total}"), "{notes:?}");
        }
    }

    #[test]
    fn keys_and_lines() {
        let keys: Vec<&str> = Text::ALL.into_iter().map(Text::key).collect();
        assert_eq!(keys.first(), Some(&"related-stories"));
        assert_eq!(keys.last(), Some(&"misconfigured"));
        assert_eq!(keys.get(10), Some(&"article-timed-out"));
        assert!(keys.iter().all(|k| !k.is_empty() && !k.contains('\n')));
        assert_eq!(nth(KEYS, Text::ALL.len()), SLIDE_POSITION_KEY);
        assert_eq!(nth(KEYS, WORDS), "", "no key past the last");
        assert_eq!((nth("", 0), nth("", 3)), ("", ""));
        assert_eq!((nth("a\n\nbc", 1), nth("a\n\nbc", 2)), ("", "bc"));
        assert_eq!(nth("é\nß\n", 1), "ß");
        // A line break in a publisher's word cannot shift the others.
        let (lang, notes) = Lang::with_words(
            "en",
            [
                ("data-text-retry", "Try\nagain"),
                ("data-text-next", "More\n"),
            ],
        );
        assert!(notes.is_empty());
        assert_eq!(Text::Retry.get(lang), "Try again");
        assert_eq!(Text::Next.get(lang), "More");
        assert_eq!(Text::LoadingArticle.get(lang), "Loading the article…");
        assert_eq!(slide_label(lang, 0, 2), "1 of 2");
    }

    #[test]
    fn slide_labels() {
        assert_eq!(slide_label(Lang::En, 0, 8), "1 of 8");
        assert_eq!(slide_label(Lang::En, 7, 8), "8 of 8");
        assert_eq!(slide_label(Lang::En, 9998, 10000), "9999 of 10000");
        assert_eq!(slide_label(Lang::Ar, 2, 8), "3 من 8");
        assert_eq!(slide_label(Lang::from_tag("he"), 2, 8), "3 מתוך 8");
        assert_eq!(slide_label(Lang::from_tag("tr"), 2, 8), "3 / 8");
        let (odd, _) = Lang::with_words(
            "en",
            [("data-text-slide-position", "{{n}} {x} {total}{n}{")],
        );
        assert_eq!(slide_label(odd, 2, 8), "{3} {x} 83{");
        assert_eq!(
            slide_label(Lang::En, usize::MAX, 1),
            "18446744073709551615 of 1"
        );
        let persian = |n: usize| {
            n.to_string()
                .chars()
                .map(|c| char::from_u32(c as u32 - '0' as u32 + 0x6f0).unwrap_or(c))
                .collect::<String>()
        };
        assert_eq!(
            slide_label_with(Lang::from_tag("fa"), 2, 8, &persian),
            "۳ از ۸"
        );
    }
}
