using System.Collections.Immutable;
using Akto.Consolidation.Contracts;

namespace Akto.Consolidation.Grains.Organization;

/// <summary>Who must hear that a unit joined or left a scope, so that payments to it are eliminated (or no longer).</summary>
internal static class Watchers
{
    /// <summary>Records <paramref name="watcher"/> for each code; true when something new was recorded.</summary>
    public static bool Watch(Dictionary<string, HashSet<string>> watchers, string watcher, ImmutableArray<string> codes)
    {
        var added = false;
        foreach (var code in codes)
        {
            if (!watchers.TryGetValue(code, out var set))
            {
                watchers[code] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            added |= set.Add(watcher);
        }

        return added;
    }

    /// <summary>A deep copy, for a snapshot that later calls cannot change.</summary>
    public static Dictionary<string, HashSet<string>> Copy(Dictionary<string, HashSet<string>> watchers) =>
        watchers.ToDictionary(p => p.Key, p => new HashSet<string>(p.Value, StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>One-way: the department or county never waits on a unit, so a unit waiting on it cannot deadlock.</summary>
    public static void Notify(IGrainFactory factory, int year, Dictionary<string, HashSet<string>> watchers, string code)
    {
        if (!watchers.TryGetValue(code, out var set))
        {
            return;
        }

        foreach (var watcher in set.Where(w => w != code))
        {
            _ = factory.GetBudgetUnit(year, watcher).RefreshContributionsAsync();
        }
    }
}
