using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Tietosuoja.Web.Infrastructure;

/// <summary>
/// The shared UI strings read once per UI culture into a frozen dictionary. The framework's
/// localizer asks ResourceManager on every lookup, which takes a lock each time: a search page
/// makes some 60 lookups, and under 32 concurrent requests the threads queued on that lock
/// (docs/performance.md). The resources are embedded in the assembly and cannot change while the
/// portal runs, so reading them once changes no text. A name the resources lack still goes to the
/// framework's localizer, which answers it as before (the name itself, marked as not found).
/// </summary>
public sealed class PreloadedLocalizer(IStringLocalizerFactory factory) : IStringLocalizer<SharedResource>
{
    private readonly IStringLocalizer _resources = factory.Create(typeof(SharedResource));

    private readonly ConcurrentDictionary<string, FrozenDictionary<string, string>> _byCulture = new(StringComparer.Ordinal);

    public LocalizedString this[string name] =>
        Strings().TryGetValue(name, out var value) ? new LocalizedString(name, value) : _resources[name];

    public LocalizedString this[string name, params object[] arguments] =>
        Strings().TryGetValue(name, out var format)
            ? new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format, arguments))
            : _resources[name, arguments];

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => _resources.GetAllStrings(includeParentCultures);

    // GetAllStrings with the parent cultures gives each name once, with the value a lookup in the
    // current UI culture would give (its own, else the neutral Finnish one).
    private FrozenDictionary<string, string> Strings() =>
        _byCulture.GetOrAdd(CultureInfo.CurrentUICulture.Name, _read ??= _ => _resources.GetAllStrings(includeParentCultures: true)
            .ToFrozenDictionary(s => s.Name, s => s.Value, StringComparer.Ordinal));

    // Made once: a lambda that reads _resources captures this, and a new delegate per lookup was
    // a few per cent of a search page's garbage.
    private Func<string, FrozenDictionary<string, string>>? _read;
}
