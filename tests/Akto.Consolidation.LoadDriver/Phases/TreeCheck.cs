using System.Diagnostics;
using Akto.Consolidation.LoadDriver.Data;

namespace Akto.Consolidation.LoadDriver.Phases;

/// <summary>What the check of every tree found: nodes compared, trees read, and the first differences.</summary>
public sealed record TreeCheckResult(int Trees, int Nodes, IReadOnlyList<string> Differences, TimeSpan Elapsed)
{
    public bool Exact => Differences.Count == 0;
}

/// <summary>
/// Every node of the county's and every department's function and economic trees against the driver's own sums
/// (<see cref="County.ExpectedTrees"/>): the trees are a derived view, so the check is repeated until they agree or
/// <paramref name="budget"/> runs out.
/// </summary>
public static class TreeCheck
{
    public static async Task<TreeCheckResult> RunAsync(AktoHttp http, County county, TimeSpan budget, CancellationToken cancellationToken)
    {
        var expected = county.ExpectedTrees();
        var start = Stopwatch.GetTimestamp();
        while (true)
        {
            var differences = new List<string>();
            var nodes = 0;
            var trees = 0;
            foreach (var (scope, scopeTrees) in expected.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                foreach (var (tree, want) in scopeTrees)
                {
                    var have = await http.GetTreeTotalsAsync(scope, tree, cancellationToken);
                    trees++;
                    foreach (var code in want.Keys.Union(have.Keys))
                    {
                        nodes++;
                        var (w, h) = (want.GetValueOrDefault(code), have.GetValueOrDefault(code));
                        if (w != h)
                        {
                            differences.Add($"{scope} {tree} {code}: {h} ≠ {w}");
                        }
                    }
                }
            }

            if (differences.Count == 0 || Stopwatch.GetElapsedTime(start) > budget)
            {
                return new TreeCheckResult(trees, nodes, differences, Stopwatch.GetElapsedTime(start));
            }

            await Task.Delay(500, cancellationToken);
        }
    }
}
