using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Transcoding.Worker.Encoding;

/// <summary>
/// Turns the language a container tags a track with (ffprobe's <c>language</c>: ISO 639-2, <c>eng</c>, or <c>fre</c> in
/// Matroska, which keeps the bibliographic codes) into the RFC 5646 tag that RFC 8216 section 4.3.4.1 wants for
/// <c>LANGUAGE</c> and players match against the system language (<c>en</c>, <c>fr</c>: RFC 5646 section 2.2.1 takes the
/// shortest ISO 639 code), and names the language in itself (RFC 8216 section 4.3.4.1: <c>NAME</c> SHOULD be in the
/// rendition's language).
/// </summary>
public static partial class LanguageTags
{
    /// <summary>
    /// ISO 639-2/T, ISO 639-1 and the native name (first letter capitalised unless the name has capitals of its own) of
    /// every neutral culture with a two-letter code in .NET 10's culture data (ICU 72, CLDR). A table, because the build
    /// sets InvariantGlobalization (no culture data at run time, and no ICU in the GPU image).
    /// </summary>
    private const string Table = """
        afr af Afrikaans
        aka ak Akan
        amh am አማርኛ
        ara ar العربية
        asm as অসমীয়া
        aze az Azərbaycan
        bam bm Bamanakan
        bel be Беларуская
        ben bn বাংলা
        bod bo བོད་སྐད་
        bos bs Bosanski
        bre br Brezhoneg
        bul bg Български
        cat ca Català
        ces cs Čeština
        che ce Нохчийн
        chv cv Чӑваш
        cor kw Kernewek
        cym cy Cymraeg
        dan da Dansk
        deu de Deutsch
        dzo dz རྫོང་ཁ
        ell el Ελληνικά
        eng en English
        epo eo Esperanto
        est et Eesti
        eus eu Euskara
        ewe ee Eʋegbe
        fao fo Føroyskt
        fas fa فارسی
        fin fi Suomi
        fra fr Français
        fry fy Frysk
        ful ff Pulaar
        gla gd Gàidhlig
        gle ga Gaeilge
        glg gl Galego
        glv gv Gaelg
        guj gu ગુજરાતી
        hau ha Hausa
        heb he עברית
        hin hi हिन्दी
        hrv hr Hrvatski
        hun hu Magyar
        hye hy Հայերեն
        ibo ig Igbo
        iii ii ꆈꌠꉙ
        ina ia Interlingua
        ind id Indonesia
        isl is Íslenska
        ita it Italiano
        jav jv Jawa
        jpn ja 日本語
        kal kl Kalaallisut
        kan kn ಕನ್ನಡ
        kas ks کٲشُر
        kat ka Ქართული
        kaz kk Қазақ тілі
        khm km ខ្មែរ
        kik ki Gikuyu
        kin rw Kinyarwanda
        kir ky Кыргызча
        kor ko 한국어
        kur ku Kurdî
        lao lo ລາວ
        lav lv Latviešu
        lin ln Lingála
        lit lt Lietuvių
        ltz lb Lëtzebuergesch
        lub lu Tshiluba
        lug lg Luganda
        mal ml മലയാളം
        mar mr मराठी
        mkd mk Македонски
        mlg mg Malagasy
        mlt mt Malti
        mon mn Монгол
        mri mi Māori
        msa ms Melayu
        mya my မြန်မာ
        nde nd isiNdebele
        nep ne नेपाली
        nld nl Nederlands
        nno nn Norsk nynorsk
        nob nb Norsk bokmål
        nor no Norsk
        ori or ଓଡ଼ିଆ
        orm om Oromoo
        oss os Ирон
        pan pa ਪੰਜਾਬੀ
        pol pl Polski
        por pt Português
        pus ps پښتو
        que qu Runasimi
        roh rm Rumantsch
        ron ro Română
        run rn Ikirundi
        rus ru Русский
        sag sg Sängö
        san sa संस्कृत भाषा
        sin si සිංහල
        slk sk Slovenčina
        slv sl Slovenščina
        sme se Davvisámegiella
        sna sn chiShona
        snd sd سنڌي
        som so Soomaali
        spa es Español
        sqi sq Shqip
        srd sc Sardu
        srp sr Српски
        sun su Basa Sunda
        swa sw Kiswahili
        swe sv Svenska
        tam ta தமிழ்
        tat tt Татар
        tel te తెలుగు
        tgk tg Тоҷикӣ
        tha th ไทย
        tir ti ትግርኛ
        ton to Lea fakatonga
        tuk tk Türkmen dili
        tur tr Türkçe
        uig ug ئۇيغۇرچە
        ukr uk Українська
        urd ur اردو
        uzb uz O‘zbek
        vie vi Tiếng Việt
        wol wo Wolof
        xho xh IsiXhosa
        yid yi ייִדיש
        yor yo Èdè Yorùbá
        zho zh 中文
        zul zu isiZulu
        """;

    /// <summary>The ISO 639-2/B codes that differ from the /T ones (ISO 639-2 lists these 20), as /B → /T.</summary>
    private const string Bibliographic = "alb sqi arm hye baq eus bur mya chi zho cze ces dut nld fre fra geo kat ger deu gre ell ice isl mac mkd mao mri may msa per fas rum ron slo slk tib bod wel cym";

    private static readonly FrozenDictionary<string, string> TwoLetter = Rows().ToFrozenDictionary(r => r.Three, r => r.Two, StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, string> Names = Rows().ToFrozenDictionary(r => r.Two, r => r.Name, StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, string> Terminological = Bibliographic.Split(' ').Chunk(2).ToFrozenDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// <c>eng</c> → <c>en</c>, <c>fre</c> → <c>fr</c>; a code the table lacks (<c>haw</c>, <c>zxx</c>) or a tag that is
    /// already RFC 5646 (<c>en</c>, <c>pt-BR</c>) is kept as written; null when there is none or it is not shaped like a
    /// language tag (it could not be written in a quoted attribute).
    /// </summary>
    public static string? ToRfc5646(string? code)
    {
        if (code is null || !TagShape().IsMatch(code))
        {
            return null;
        }

        return TwoLetter.GetValueOrDefault(Terminological.GetValueOrDefault(code, code)) ?? code;
    }

    /// <summary>The name of <paramref name="tag"/>'s language in that language (<c>fr-CA</c> → <c>Français</c>), null when unknown.</summary>
    public static string? NativeName(string tag) => Names.GetValueOrDefault(tag.Split('-')[0]);

    private static IEnumerable<(string Three, string Two, string Name)> Rows() =>
        Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' ', 3))
            .Select(cells => (cells[0], cells[1], cells[2]));

    /// <summary>RFC 5646 section 2.1's shape: a 2-3 letter primary language subtag, then 1-8 letter-or-digit subtags.</summary>
    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex TagShape();
}
