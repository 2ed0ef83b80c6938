using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Tietosuoja.Web.Guidance.Search;

/// <summary>
/// Finnish morphology from libvoikko (Debian packages libvoikko1 and voikko-fi) through its C API.
/// The library is loaded by name at run time (<see cref="NativeLibrary.TryLoad(string, out IntPtr)"/>),
/// not linked, so a machine without it gets null from <see cref="TryLoad"/> and search falls back to
/// the stemmers. A Voikko handle is not thread-safe: every call into it holds one lock, and the
/// <see cref="AnalysisCache"/> in front of it keeps those calls to one per distinct word.
/// </summary>
public sealed partial class VoikkoMorphology : ICachedMorphology, IDisposable
{
    // LIBVOIKKO_MAX_WORD_CHARS in voikko.h: longer words are refused by the library anyway.
    private const int MaxWordChars = 255;

    private readonly object _lock = new();
    private readonly IntPtr _library;
    private readonly Api _api;
    private readonly AnalysisCache _cache;
    private IntPtr _handle;

    private VoikkoMorphology(IntPtr library, Api api, IntPtr handle, string description, string identity)
    {
        _library = library;
        _api = api;
        _handle = handle;
        Description = description;
        Identity = identity;
        _cache = new AnalysisCache(AnalyzeUncached);
    }

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate IntPtr InitFn(out IntPtr error, [MarshalAs(UnmanagedType.LPUTF8Str)] string language, [MarshalAs(UnmanagedType.LPUTF8Str)] string? path);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate void TerminateFn(IntPtr handle);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate IntPtr VersionFn();

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate IntPtr WordFn(IntPtr handle, byte[] word);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate IntPtr ValueFn(IntPtr analysis, byte[] key);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate void FreeFn(IntPtr pointer);

    public string Description { get; }

    public string Identity { get; }

    AnalysisCache ICachedMorphology.Cache => _cache;

    /// <summary>
    /// Loads the library and the Finnish dictionary, or returns null with the reason. A missing
    /// library or entry point is a reason, not an exception: the portal runs without Voikko.
    /// </summary>
    /// <param name="library">The shared library's file name or path.</param>
    /// <param name="dictionaryPath">A folder searched before Voikko's own default places (null: only those).</param>
    public static VoikkoMorphology? TryLoad(string library, string? dictionaryPath, out string? problem)
    {
        if (!NativeLibrary.TryLoad(library, out var handle))
        {
            problem = $"{library} could not be loaded";
            return null;
        }

        try
        {
            var api = new Api(handle);
            var voikko = api.Init(out var error, "fi", dictionaryPath);
            if (voikko == IntPtr.Zero)
            {
                problem = $"{library} has no Finnish dictionary: {Marshal.PtrToStringUTF8(error) ?? "unknown error"}";
                NativeLibrary.Free(handle);
                return null;
            }

            problem = null;
            return new VoikkoMorphology(handle, api, voikko, $"Voikko ({library}, Finnish dictionary)", IdentityOf(handle, library, dictionaryPath));
        }
        catch (EntryPointNotFoundException exception)
        {
            problem = $"{library} lacks a function this portal calls: {exception.Message}";
            NativeLibrary.Free(handle);
            return null;
        }
    }

    public WordAnalysis? Analyze(string word) => Analyze(word, fromContent: false);

    public WordAnalysis? Analyze(string word, bool fromContent) => word.Length is 0 or > MaxWordChars ? null : _cache.Get(word, fromContent);

    /// <summary>
    /// The library's version and every file in the folders libvoikko reads dictionaries from (the
    /// configured one, VOIKKO_DICTIONARY_PATH, ~/.voikko, /etc/voikko and the packaged places),
    /// with sizes and modification times: an upgraded voikko-fi changes it.
    /// </summary>
    private static string IdentityOf(IntPtr library, string name, string? dictionaryPath)
    {
        var version = NativeLibrary.TryGetExport(library, "voikkoGetVersion", out var address)
            ? Marshal.PtrToStringUTF8(Marshal.GetDelegateForFunctionPointer<VersionFn>(address)())
            : null;
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string?[] folders =
        [
            dictionaryPath,
            .. (Environment.GetEnvironmentVariable("VOIKKO_DICTIONARY_PATH") ?? string.Empty).Split(Path.PathSeparator),
            home.Length == 0 ? null : Path.Combine(home, ".voikko"),
            "/etc/voikko", "/usr/lib/voikko", "/usr/share/voikko", "/usr/local/lib/voikko", "/usr/local/share/voikko",
        ];
        var files = folders
            .Where(f => !string.IsNullOrEmpty(f) && Directory.Exists(f))
            .SelectMany(f => Directory.EnumerateFiles(f!, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }))
            .Select(f => new FileInfo(f))
            .Select(f => $"{f.FullName} {f.Length} {f.LastWriteTimeUtc.Ticks}")
            .Order(StringComparer.Ordinal);
        return string.Join('\n', [name, version ?? "unknown version", .. files]);
    }

    public IReadOnlyList<string> Suggest(string word)
    {
        if (word.Length is 0 or > MaxWordChars)
        {
            return [];
        }

        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_handle == IntPtr.Zero, this);
            var array = _api.Suggest(_handle, Utf8(word));
            if (array == IntPtr.Zero)
            {
                return [];
            }

            try
            {
                return Strings(array);
            }
            finally
            {
                _api.FreeCstrArray(array);
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_handle != IntPtr.Zero)
            {
                _api.Terminate(_handle);
                _handle = IntPtr.Zero;
                NativeLibrary.Free(_library);
            }
        }
    }

    /// <summary>
    /// Base forms and compound parts from Voikko's BASEFORM and WORDBASES attributes. WORDBASES
    /// reads "+henkilö(henkilö)+tieto(tieto)": each segment is a stretch of the word with its base
    /// form in brackets; a bracket starting with "+" is a derivational ending ("+rekisteröi(rekisteröidä)+ty(+ty)"),
    /// not a word. Parts are taken only from compounds (STRUCTURE has more than one "="), so that a
    /// derived word such as "rekisteröity" is not also found as the verb it was made from.
    /// </summary>
    /// <param name="word">The word analyzed, which STRUCTURE cuts into its parts letter by letter.</param>
    /// <param name="stretches">Receives the parts as written ("käsittely" of "käsittelyperuste", whose
    /// WORDBASES base is the verb "käsitellä"), for the caller to analyze as words of their own.</param>
    internal static WordAnalysis? Parse(string word, IEnumerable<(string? BaseForm, string? WordBases, string? Structure, string? Participle)> analyses, List<string>? stretches = null)
    {
        var baseForms = new List<string>();
        var parts = new List<string>();
        foreach (var (baseForm, wordBases, structure, participle) in analyses)
        {
            if (string.IsNullOrEmpty(baseForm))
            {
                continue;
            }

            var lower = baseForm.ToLowerInvariant();
            if (!baseForms.Contains(lower))
            {
                baseForms.Add(lower);
            }

            // A participle also counts as its verb: "annettavat tiedot" finds "tieto annetaan".
            if (participle is not null && wordBases is not null && WordBaseSegment.Match(wordBases) is { Success: true } verb && verb.Groups[2].Success)
            {
                var verbBase = verb.Groups[2].Value.ToLowerInvariant();
                if (verbBase.Length > 0 && verbBase[0] != '+' && !parts.Contains(verbBase))
                {
                    parts.Add(verbBase);
                }
            }

            if (wordBases is null || structure is null || structure.Count(c => c == '=') < 2)
            {
                continue;
            }

            Components(word, structure, stretches);
            foreach (Match segment in WordBaseSegment.Matches(wordBases))
            {
                var hasBase = segment.Groups[2].Success;
                var part = hasBase ? segment.Groups[2].Value : segment.Groups[1].Value;
                // A stretch without a base form ("yhteis" in "yhteisrekisterinpitäjä") counts only if it is word-like in length.
                if (part.Length == 0 || part[0] == '+' || (!hasBase && part.Length < 4))
                {
                    continue;
                }

                part = part.ToLowerInvariant();
                if (!parts.Contains(part))
                {
                    parts.Add(part);
                }
            }
        }

        return baseForms.Count == 0 ? null : new WordAnalysis(baseForms, [.. parts.Except(baseForms)]);
    }

    /// <summary>
    /// The parts of a compound as written, cut where STRUCTURE has "=": every other STRUCTURE
    /// character stands for one character of the word.
    /// </summary>
    private static void Components(string word, string structure, List<string>? components)
    {
        if (components is null)
        {
            return;
        }

        var start = 0;
        var position = 0;
        foreach (var symbol in structure.Append('='))
        {
            if (symbol != '=')
            {
                position++;
                continue;
            }

            if (position - start >= 3 && position <= word.Length)
            {
                var component = word[start..position];
                if (!components.Contains(component))
                {
                    components.Add(component);
                }
            }

            start = position;
        }
    }

    [GeneratedRegex(@"\+([^+(]*)(?:\(([^)]*)\))?", RegexOptions.CultureInvariant)]
    private static partial Regex WordBaseSegment { get; }

    private WordAnalysis? AnalyzeUncached(string word)
    {
        var found = new List<(string?, string?, string?, string?)>();
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_handle == IntPtr.Zero, this);
            var analyses = _api.AnalyzeWord(_handle, Utf8(word));
            if (analyses == IntPtr.Zero)
            {
                return null;
            }

            try
            {
                for (var i = 0; Marshal.ReadIntPtr(analyses, i * IntPtr.Size) is var analysis && analysis != IntPtr.Zero; i++)
                {
                    found.Add((Value(analysis, BaseFormKey), Value(analysis, WordBasesKey), Value(analysis, StructureKey), Value(analysis, ParticipleKey)));
                }
            }
            finally
            {
                _api.FreeAnalysis(analyses);
            }
        }

        var stretches = new List<string>();
        var parsed = Parse(word, found, stretches);
        if (parsed is null || stretches.Count == 0)
        {
            return parsed;
        }

        var parts = parsed.Parts.ToList();
        foreach (var stretch in stretches.Where(s => s != word))
        {
            parts.AddRange(Analyze(stretch)?.BaseForms ?? []);
        }

        return parsed with { Parts = [.. parts.Distinct(StringComparer.Ordinal).Except(parsed.BaseForms)] };
    }

    private static readonly byte[] BaseFormKey = Utf8("BASEFORM");
    private static readonly byte[] WordBasesKey = Utf8("WORDBASES");
    private static readonly byte[] StructureKey = Utf8("STRUCTURE");
    private static readonly byte[] ParticipleKey = Utf8("PARTICIPLE");

    private string? Value(IntPtr analysis, byte[] key)
    {
        var value = _api.Value(analysis, key);
        if (value == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(value);
        }
        finally
        {
            _api.FreeValue(value);
        }
    }

    private static List<string> Strings(IntPtr array)
    {
        var strings = new List<string>();
        for (var i = 0; Marshal.ReadIntPtr(array, i * IntPtr.Size) is var item && item != IntPtr.Zero; i++)
        {
            strings.Add(Marshal.PtrToStringUTF8(item)!);
        }

        return strings;
    }

    private static byte[] Utf8(string text)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];
        Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }

    /// <summary>The functions of voikko.h that this class calls; a missing one throws <see cref="EntryPointNotFoundException"/>.</summary>
    private sealed class Api(IntPtr library)
    {
        public InitFn Init { get; } = Function<InitFn>(library, "voikkoInit");

        public TerminateFn Terminate { get; } = Function<TerminateFn>(library, "voikkoTerminate");

        public WordFn AnalyzeWord { get; } = Function<WordFn>(library, "voikkoAnalyzeWordCstr");

        public ValueFn Value { get; } = Function<ValueFn>(library, "voikko_mor_analysis_value_cstr");

        public FreeFn FreeValue { get; } = Function<FreeFn>(library, "voikko_free_mor_analysis_value_cstr");

        public FreeFn FreeAnalysis { get; } = Function<FreeFn>(library, "voikko_free_mor_analysis");

        public WordFn Suggest { get; } = Function<WordFn>(library, "voikkoSuggestCstr");

        public FreeFn FreeCstrArray { get; } = Function<FreeFn>(library, "voikkoFreeCstrArray");

        private static T Function<T>(IntPtr library, string name)
            where T : Delegate =>
            NativeLibrary.TryGetExport(library, name, out var address)
                ? Marshal.GetDelegateForFunctionPointer<T>(address)
                : throw new EntryPointNotFoundException(name);
    }
}
