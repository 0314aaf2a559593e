//! Every language's words, as written by its translator: one [`Words`]
//! table each, made by `words!`, which names every word, so that a
//! language missing one does not compile.
//!
//! English (every widget's fallback) and Arabic (the seed's language) are
//! in the widget's code; the other tables are compiled natively only (see
//! [`Language::table`](super::Language::table)), where tests read them and
//! check that `words/<code>.txt` (what the widget fetches for those
//! languages) holds the same.

/// Every word of one language: its texts in [`Text`](super::Text)'s order,
/// then the slide-position pattern ("{n} of {total}": the browser writes
/// the numbers in the widget's locale), one string with a line feed between
/// them (a table of 17 string references would cost the download more than
/// most languages' words). Made only by `words!`.
#[derive(Debug)]
pub struct Words {
    /// The texts and the pattern, separated by `\n`.
    pub(super) packed: &'static str,
}

/// The `i`th line of `packed` (empty past the last), by hand: a `split`
/// iterator costs the download several times more.
pub(super) fn nth(packed: &str, i: usize) -> &str {
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

/// English's words, every widget's fallback.
pub(super) const ENGLISH: &str = EN.packed;

/// Arabic's words, built in.
pub(super) const ARABIC: &str = AR.packed;

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

pub(super) const EN: Words = words! {
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

pub(super) const AR: Words = words! {
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

pub(super) const FA: Words = words! {
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

pub(super) const UR: Words = words! {
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

pub(super) const HE: Words = words! {
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

pub(super) const FR: Words = words! {
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

pub(super) const ES: Words = words! {
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

pub(super) const DE: Words = words! {
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

pub(super) const PT: Words = words! {
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

pub(super) const RU: Words = words! {
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

pub(super) const TR: Words = words! {
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

pub(super) const ID: Words = words! {
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
