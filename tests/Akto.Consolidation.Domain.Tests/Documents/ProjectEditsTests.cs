using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Domain.Validation;

namespace Akto.Consolidation.Domain.Tests.Documents;

public sealed class ProjectEditsTests
{
    private static readonly BudgetDocument Seed = SeedBudget.Load();

    [Fact]
    public void Moving_ten_wan_yuan_between_function_codes_keeps_every_total()
    {
        var moved = ProjectEdits.MoveFunction(Seed, "P11", "2080705", "2080799", 10m);

        var lines = moved.Lines.Where(l => l.ProjectCode == "P11").ToList();
        Assert.Equal(2497.12m, lines.Single(l => l.FunctionCode == "2080705").Amount);
        Assert.Equal(10m, lines.Single(l => l.FunctionCode == "2080799").Amount);
        Assert.Equal(Seed.Lines.Sum(l => l.Amount), moved.Lines.Sum(l => l.Amount));
        Assert.Equal(Seed.Income, moved.Income);
        Assert.Equal(2507.12m, moved.Projects.Single(p => p.Code == "P11").Amount);
        Assert.Empty(BudgetValidator.Validate(moved).Errors);
    }

    [Fact]
    public void Moving_more_than_the_code_holds_is_refused()
    {
        var exception = Assert.Throws<ArgumentException>(() => ProjectEdits.MoveFunction(Seed, "P02", "2080105", "2080106", 5.01m));

        Assert.Contains("只有 5.00 万元", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_a_project_amount_moves_its_income_and_keeps_the_budget_valid()
    {
        var lines = Seed.Lines.Where(l => l.ProjectCode == "P02").Select(l => l with { Amount = l.Amount + 5m }).ToList();

        var edited = ProjectEdits.ReplaceLines(Seed, "P02", lines);

        Assert.Equal(10m, edited.Projects.Single(p => p.Code == "P02").Amount);
        Assert.Equal(3857.63m, edited.Income.Single(l => l.Source == FundSource.GeneralBudget).Amount);
        Assert.Empty(BudgetValidator.Validate(edited).Errors);
    }

    [Fact]
    public void Changing_an_amount_without_moving_income_is_caught_by_validation()
    {
        var lines = Seed.Lines.Where(l => l.ProjectCode == "P02").Select(l => l with { Amount = 6m }).ToList();

        var edited = ProjectEdits.ReplaceLines(Seed, "P02", lines, adjustIncome: false);

        Assert.Contains(BudgetValidator.Validate(edited).Errors, f => f.RuleId == "X-100");
    }

    [Fact]
    public void An_unknown_project_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ProjectEdits.MoveFunction(Seed, "P99", "2080705", "2080799", 1m));
    }
}
