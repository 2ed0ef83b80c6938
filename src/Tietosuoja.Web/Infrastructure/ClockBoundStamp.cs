using System.Collections.Immutable;

namespace Tietosuoja.Web.Infrastructure;

/// <summary>
/// The last <see cref="IOutputCacheStamp"/> text of a catalog whose stamp depends only on its
/// (immutable) list of items and on where the clock stands among some instants of each item (a
/// round's opening and closing, an event's end). Every request asks for the stamp; it can only
/// change when the list is replaced or the clock passes one of those instants, so between two of
/// them the text made last is the same text, and is returned without being made again. Each item
/// must change state exactly at its instants: "before" while now &lt; instant, "after" from it on.
/// </summary>
public sealed class ClockBoundStamp<T>(Func<T, IEnumerable<DateTime>> instants, Func<ImmutableArray<T>, DateTime, string> make)
{
    private Entry? _last;

    public string For(ImmutableArray<T> items, DateTime now)
    {
        var last = Volatile.Read(ref _last);
        if (last is not null && last.Items == items && now >= last.From && now < last.Until)
        {
            return last.Value;
        }

        // The instants on either side of now: the stamp made now holds until the clock leaves them.
        var from = DateTime.MinValue;
        var until = DateTime.MaxValue;
        foreach (var item in items)
        {
            foreach (var instant in instants(item))
            {
                if (instant <= now)
                {
                    from = instant > from ? instant : from;
                }
                else
                {
                    until = instant < until ? instant : until;
                }
            }
        }

        var entry = new Entry(items, from, until, make(items, now));
        Volatile.Write(ref _last, entry);
        return entry.Value;
    }

    private sealed record Entry(ImmutableArray<T> Items, DateTime From, DateTime Until, string Value);
}
