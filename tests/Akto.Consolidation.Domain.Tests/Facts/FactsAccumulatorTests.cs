using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Domain.Facts;
using Akto.Consolidation.Testing;

namespace Akto.Consolidation.Domain.Tests.Facts;

/// <summary>A running sum that units enter, change and leave in any order equals the sum of their current facts.</summary>
public sealed class FactsAccumulatorTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Adding_replacing_and_removing_units_in_any_order_leaves_the_sum_of_the_current_facts(int seed)
    {
        var random = new Random(seed);
        var accumulator = new FactsAccumulator(RandomBudgets.Year);
        var current = new Dictionary<string, BudgetFacts>(StringComparer.Ordinal);
        for (var step = 0; step < 200; step++)
        {
            var unit = $"U{random.Next(12):00}";
            if (current.Remove(unit, out var old))
            {
                accumulator.Remove(old);
            }

            if (random.Next(5) > 0)
            {
                var facts = BudgetFacts.FromDocument(RandomBudgets.Create(random, unit, "D01", maxLines: 12, maxFen: 9_000_000));
                accumulator.Add(facts);
                current[unit] = facts;
            }

            var expected = BudgetFacts.Sum(RandomBudgets.Year, current.Values);
            Assert.True(expected.HasSameCells(accumulator.ToFacts()), $"step {step}: the running sum differs from Σ of {current.Count} units");
        }

        foreach (var facts in current.Values)
        {
            accumulator.Remove(facts);
        }

        Assert.True(BudgetFacts.Empty(RandomBudgets.Year).HasSameCells(accumulator.ToFacts()));
        Assert.Equal(0, accumulator.CellCount);
    }

    [Fact]
    public void Facts_of_another_year_are_refused()
    {
        var accumulator = new FactsAccumulator(RandomBudgets.Year + 1);
        var facts = BudgetFacts.FromDocument(RandomBudgets.Create(new Random(1), "U01", "D01", maxLines: 3, maxFen: 1_000));
        Assert.Throws<ArgumentException>(() => accumulator.Add(facts));
    }

    [Fact]
    public void Transfers_matched_from_per_unit_declarations_equal_those_of_the_whole_consolidation()
    {
        var head = EliminationTests.Head(paid: 30m, paidFrom: FundSource.GeneralBudget);
        var subordinate = EliminationTests.Subordinate(received: 25m);
        var scope = new HashSet<string>(StringComparer.Ordinal) { head.UnitCode, subordinate.UnitCode };
        var whole = Elimination.Consolidate(head.Year, [head, subordinate], scope);

        var (transfers, findings) = Elimination.Match([Elimination.Declare(head, scope), Elimination.Declare(subordinate, scope)]);

        Assert.Equal(whole.Transfers, transfers);
        Assert.Equal(whole.Findings.Select(f => f.ToString()), findings.Select(f => f.ToString()));
        Assert.Contains(findings, f => f.RuleId == "C-01");
        Assert.Contains(findings, f => f.RuleId == "C-03");
    }
}
