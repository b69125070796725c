using System.Diagnostics;
using Akto.Consolidation.Domain.Validation;

namespace Akto.Consolidation.Benchmarks;

/// <summary>
/// Runs code until the JIT has tiered it up, before anything is measured. The validator touches thousands of methods
/// (JSON Schema evaluation, the rule engine, eleven table builders): on this 2-core machine a random document takes
/// ≈ 2.5 ms a call for the first ≈ 1,000 calls (≈ 3 s) and ≈ 0.55 ms from ≈ 1,500 calls on — far beyond a short job's
/// three warm-up iterations, which would otherwise measure tier-0 code.
/// </summary>
public static class SteadyState
{
    /// <summary>Calls <paramref name="action"/> at least <paramref name="minCalls"/> times and <paramref name="minSeconds"/> long, at most <paramref name="maxSeconds"/>.</summary>
    public static void WarmUp(Action action, int minCalls = 200, double minSeconds = 0.5, double maxSeconds = 4)
    {
        ArgumentNullException.ThrowIfNull(action);
        var clock = Stopwatch.StartNew();
        for (var calls = 0; clock.Elapsed.TotalSeconds < maxSeconds; calls++)
        {
            if (calls >= minCalls && clock.Elapsed.TotalSeconds >= minSeconds)
            {
                break;
            }

            action();
        }
    }

    /// <summary>
    /// Brings <see cref="BudgetValidator.ReadAndValidate"/> (and so reading and validating) to steady state: 1,500 calls,
    /// or 6 s for a large document such as the seed, whose every call runs the inner methods many times over.
    /// </summary>
    public static void WarmUpValidator(byte[] json) =>
        WarmUp(() => BudgetValidator.ReadAndValidate(json), minCalls: 1500, minSeconds: 2, maxSeconds: 6);
}
