namespace Tietosuoja.Web.Guidance.Search;

/// <summary>Where the dictionaries are: Debian's places by default (packages libvoikko1, voikko-fi, hunspell-sv).</summary>
public sealed record LanguageToolOptions
{
    public static readonly LanguageToolOptions Default = new();

    /// <summary>The Voikko shared library, a file name the system loader finds or a path.</summary>
    public string VoikkoLibrary { get; init; } = "libvoikko.so.1";

    /// <summary>A folder Voikko searches first for its dictionary (null: only its own default places, such as /usr/lib/voikko).</summary>
    public string? VoikkoDictionaryPath { get; init; }

    /// <summary>Swedish Hunspell affix files, the first that exists is read (its .dic beside it).</summary>
    public IReadOnlyList<string> SwedishAffixFiles { get; init; } = ["/usr/share/hunspell/sv_FI.aff", "/usr/share/hunspell/sv_SE.aff"];
}

/// <summary>
/// The dictionaries of both languages and the analyzers built on them, loaded once per process.
/// A missing dictionary is not an error: that language's analyzers fall back to the stemmers, and
/// <see cref="Problems"/> says what is missing (logged once at start and shown in /health/ready).
/// </summary>
public sealed class LanguageTools
{
    private static readonly Lazy<LanguageTools> DefaultTools = new(() => Load(LanguageToolOptions.Default));

    private readonly Dictionary<Language, GuidanceAnalyzer> _analyzers = [];
    private readonly Dictionary<Language, GuidanceAnalyzer> _wholeWords = [];

    private LanguageTools(IMorphology? finnish, IMorphology? swedish, IReadOnlyList<string> problems)
    {
        Finnish = finnish;
        Swedish = swedish;
        Problems = problems;
        foreach (var language in Languages.All)
        {
            var morphology = For(language);
            _wholeWords[language] = new GuidanceAnalyzer(language, forSearch: false, morphology, () => _wholeWords[language]);
            _analyzers[language] = new GuidanceAnalyzer(language, forSearch: true, morphology, () => _wholeWords[language]);
        }
    }

    /// <summary>The tools of this machine's standard places: what the portal uses.</summary>
    public static LanguageTools Default => DefaultTools.Value;

    public IMorphology? Finnish { get; }

    public IMorphology? Swedish { get; }

    /// <summary>One sentence per missing dictionary, for operators: what is missing and what to install.</summary>
    public IReadOnlyList<string> Problems { get; }

    public static LanguageTools Load(LanguageToolOptions options)
    {
        var problems = new List<string>();
        var finnish = VoikkoMorphology.TryLoad(options.VoikkoLibrary, options.VoikkoDictionaryPath, out var finnishProblem);
        if (finnish is null)
        {
            problems.Add($"Finnish morphology (Voikko) not found: install libvoikko1 and voikko-fi for better Finnish search ({finnishProblem})");
        }

        var swedish = HunspellMorphology.TryLoad(options.SwedishAffixFiles, out var swedishProblem);
        if (swedish is null)
        {
            problems.Add($"Swedish dictionary (Hunspell) not found: install hunspell-sv for better Swedish search ({swedishProblem})");
        }

        return new LanguageTools(finnish, swedish, problems);
    }

    public IMorphology? For(Language language) => language == Language.Sv ? Swedish : Finnish;

    /// <summary>The analyzer of the search index and of queries.</summary>
    public GuidanceAnalyzer Analyzer(Language language) => _analyzers[language];

    /// <summary>See <see cref="GuidanceAnalyzer.WholeWordsFor"/>.</summary>
    public GuidanceAnalyzer WholeWords(Language language) => _wholeWords[language];
}
