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

    /// <summary>The folder of the persisted analyses of the guidance's words (<see cref="PersistedAnalyses"/>); null: none.</summary>
    public string? AnalysisCacheFolder { get; init; }
}

/// <summary>Runs before the Swedish dictionary is read, and how long an analysis waits for it.</summary>
internal sealed record SwedishLoading(Action BeforeRead, TimeSpan Wait);

/// <summary>
/// The dictionaries of both languages and the analyzers built on them, loaded once per process.
/// A missing dictionary is not an error: that language's analyzers fall back to the stemmers, and
/// <see cref="Problems"/> says what is missing (logged once at start and shown in /health/ready).
/// Loading is quick: Voikko opens in milliseconds, the analyses of the guidance's words are read
/// from <see cref="LanguageToolOptions.AnalysisCacheFolder"/>, and the Swedish dictionary, which
/// takes seconds, loads on a thread of its own (<see cref="HunspellMorphology"/>).
/// </summary>
public sealed partial class LanguageTools
{
    private static volatile LanguageToolOptions _defaultOptions = LanguageToolOptions.Default;
    private static readonly Lazy<LanguageTools> DefaultTools = new(() => Load(_defaultOptions));

    private readonly Dictionary<Language, GuidanceAnalyzer> _analyzers = [];
    private readonly Dictionary<Language, GuidanceAnalyzer> _wholeWords = [];
    private readonly IReadOnlyList<string> _missing;
    private readonly string? _cacheFolder;
    private readonly object _gate = new();
    private readonly List<(bool Warning, string Message)> _pendingLog = [];
    private readonly Dictionary<Language, Task> _writes = [];
    private ILogger? _logger;

    private LanguageTools(IMorphology? finnish, IMorphology? swedish, IReadOnlyList<string> missing, string? cacheFolder)
    {
        Finnish = finnish;
        Swedish = swedish;
        _missing = missing;
        _cacheFolder = cacheFolder;
        foreach (var language in Languages.All)
        {
            var morphology = For(language);
            _wholeWords[language] = new GuidanceAnalyzer(language, forSearch: false, morphology, () => _wholeWords[language]);
            _analyzers[language] = new GuidanceAnalyzer(language, forSearch: true, morphology, () => _wholeWords[language]);
        }
    }

    /// <summary>The tools of this machine's standard places (and the configured analysis cache): what the portal uses.</summary>
    public static LanguageTools Default => DefaultTools.Value;

    public IMorphology? Finnish { get; }

    public IMorphology? Swedish { get; }

    /// <summary>One sentence per missing (or unreadable) dictionary, for operators: what is missing and what to install.</summary>
    public IReadOnlyList<string> Problems =>
        Swedish is HunspellMorphology { LoadProblem: { } failed }
            ? [.. _missing, SwedishMissing(failed)]
            : _missing;

    /// <summary>Whether the Swedish dictionary is still being read (words not in the analysis cache wait for it).</summary>
    public bool IsSwedishLoading => Swedish is HunspellMorphology { IsLoaded: false, LoadProblem: null };

    /// <summary>
    /// Sets the options of <see cref="Default"/>, at service registration, before anything uses it;
    /// later calls change nothing (the dictionaries are loaded once per process).
    /// </summary>
    public static void ConfigureDefault(LanguageToolOptions options)
    {
        if (!DefaultTools.IsValueCreated)
        {
            _defaultOptions = options;
        }
    }

    public static LanguageTools Load(LanguageToolOptions options) => Load(options, swedishLoading: null);

    /// <param name="swedishLoading">How the Swedish dictionary loads, where a test holds it back.</param>
    internal static LanguageTools Load(LanguageToolOptions options, SwedishLoading? swedishLoading)
    {
        var problems = new List<string>();
        var finnish = VoikkoMorphology.TryLoad(options.VoikkoLibrary, options.VoikkoDictionaryPath, out var finnishProblem);
        if (finnish is null)
        {
            problems.Add($"Finnish morphology (Voikko) not found: install libvoikko1 and voikko-fi for better Finnish search ({finnishProblem})");
        }

        var swedish = HunspellMorphology.Find(options.SwedishAffixFiles, out var swedishProblem, swedishLoading);
        if (swedish is null)
        {
            problems.Add(SwedishMissing(swedishProblem));
        }

        var tools = new LanguageTools(finnish, swedish, problems, options.AnalysisCacheFolder);
        tools.ReadAnalyses();
        return tools;
    }

    public IMorphology? For(Language language) => language == Language.Sv ? Swedish : Finnish;

    /// <summary>The analyzer of the search index and of queries.</summary>
    public GuidanceAnalyzer Analyzer(Language language) => _analyzers[language];

    /// <summary>See <see cref="GuidanceAnalyzer.WholeWordsFor"/>.</summary>
    public GuidanceAnalyzer WholeWords(Language language) => _wholeWords[language];

    /// <summary>Starts reading the Swedish dictionary if nothing has yet; the task ends when it is read or has failed.</summary>
    public Task LoadSwedishAsync() => Swedish is HunspellMorphology hunspell ? hunspell.StartLoading() : Task.CompletedTask;

    /// <summary>Where the analysis cache's messages go from now on; those from before (reading it at load) are written now.</summary>
    public void AttachLogger(ILogger logger)
    {
        List<(bool Warning, string Message)> pending;
        lock (_gate)
        {
            _logger = logger;
            pending = [.. _pendingLog];
            _pendingLog.Clear();
        }

        foreach (var (warning, message) in pending)
        {
            Log(logger, warning, message);
        }
    }

    /// <summary>
    /// Writes the analyses of the guidance's words, where some are new since the cache was read or
    /// last written, on the thread pool; the task ends when written. A failure is a warning: the
    /// next start analyzes again.
    /// </summary>
    public Task PersistAnalysesAsync()
    {
        if (_cacheFolder is null)
        {
            return Task.CompletedTask;
        }

        var writes = new List<Task>();
        lock (_gate)
        {
            foreach (var language in Languages.All)
            {
                if (For(language) is not ICachedMorphology morphology)
                {
                    continue;
                }

                // One write per language at a time, in order: a later build's words include the earlier's.
                var previous = _writes.GetValueOrDefault(language, Task.CompletedTask);
                if (morphology.Cache.ContentAdded > 0)
                {
                    previous = _writes[language] = previous.ContinueWith(_ => Persist(language, morphology), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
                }

                writes.Add(previous);
            }
        }

        return Task.WhenAll(writes);
    }

    private void Persist(Language language, ICachedMorphology morphology)
    {
        if (morphology.Cache.ContentAdded == 0)
        {
            return;
        }

        var file = Path.Combine(_cacheFolder!, PersistedAnalyses.FileName(language));
        try
        {
            PersistedAnalyses.Write(file, PersistedAnalyses.Key(morphology), morphology.Cache.ContentWords());
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Report(warning: true, $"the analyses could not be written to {file}: {exception.Message}; the next start analyzes the guidance's words again");
        }
    }

    private void ReadAnalyses()
    {
        if (_cacheFolder is null)
        {
            return;
        }

        foreach (var language in Languages.All)
        {
            if (For(language) is not ICachedMorphology morphology)
            {
                continue;
            }

            var file = Path.Combine(_cacheFolder, PersistedAnalyses.FileName(language));
            var read = PersistedAnalyses.Read(file, PersistedAnalyses.Key(morphology));
            if (read.Analyses is { } analyses)
            {
                morphology.Cache.Seed(analyses);
                Report(warning: false, $"{analyses.Count} analyses of {language} words read from {file}");
            }
            else if (read.Problem is { } problem)
            {
                Report(warning: true, $"{file} is ignored ({problem}); the guidance's words are analyzed again and the file rewritten");
            }
            else if (read.Stale)
            {
                Report(warning: false, $"{file} was written for other dictionaries or another build of the portal; the guidance's words are analyzed again and the file rewritten");
            }
        }
    }

    private void Report(bool warning, string message)
    {
        ILogger? logger;
        lock (_gate)
        {
            logger = _logger;
            if (logger is null)
            {
                _pendingLog.Add((warning, message));
                return;
            }
        }

        Log(logger, warning, message);
    }

    private static void Log(ILogger logger, bool warning, string message)
    {
        if (warning)
        {
            CacheProblem(logger, message);
        }
        else
        {
            CacheNote(logger, message);
        }
    }

    private static string SwedishMissing(string? problem) => $"Swedish dictionary (Hunspell) not found: install hunspell-sv for better Swedish search ({problem})";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search analysis cache: {Problem}")]
    private static partial void CacheProblem(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search analysis cache: {Note}")]
    private static partial void CacheNote(ILogger logger, string note);
}
