using Akto.Consolidation.Domain.Documents;

namespace Akto.Consolidation.Reporting.Tests.Explanations;

/// <summary>The explanations follow the data: other figures, reasons or sources give other text.</summary>
public sealed class ExplanationWriterTests
{
    private static readonly BudgetDocument Seed = SeedBudget.Load();

    [Fact]
    public void A_different_prior_year_figure_turns_a_decrease_into_an_increase()
    {
        var prior = Seed.PriorYear!;
        var document = Seed with
        {
            PriorYear = prior with
            {
                Income = [.. prior.Income.Select(i => i.Source == FundSource.GeneralBudget ? i with { Amount = 3000.00m } : i)],
            },
        };

        var before = SeedBudget.Render(Seed);
        var after = SeedBudget.Render(document);

        Assert.Contains("一般公共预算3,852.63万元，占51.37%，比上年预算减少532.58万元，下降12.14%，主要原因是", before, StringComparison.Ordinal);
        // 3,852.63 − 3,000.00 = 852.63, 852.63 / 3,000.00 = 28.421 %.
        Assert.Contains("一般公共预算3,852.63万元，占51.37%，比上年预算增加852.63万元，增长28.42%，主要原因是", after, StringComparison.Ordinal);
        Assert.DoesNotContain("532.58", after, StringComparison.Ordinal);
    }

    [Fact]
    public void A_different_prior_year_function_amount_changes_that_item()
    {
        var prior = Seed.PriorYear!;
        var document = Seed with
        {
            PriorYear = prior with
            {
                GeneralBudgetByFunction = [.. prior.GeneralBudgetByFunction.Select(f => f.FunctionCode == "2080101" ? f with { Amount = 500.00m } : f)],
            },
        };

        var text = SeedBudget.Render(document);

        // 460.26 − 500.00 = −39.74, −7.948 %.
        Assert.Contains("行政运行（项）：2024年预算数为460.26万元，比上年预算减少39.74万元,下降7.95%，主要原因是：", text, StringComparison.Ordinal);
        Assert.DoesNotContain("71.09", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_change_without_a_reason_has_no_reason_clause()
    {
        var document = Seed with { Explanations = [.. Seed.Explanations.Where(e => e.Subject != "income/generalBudget")] };

        var text = SeedBudget.Render(document);

        Assert.Contains("一般公共预算3,852.63万元，占51.37%，比上年预算减少532.58万元，下降12.14%。\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("公益性岗位人员减少，工资及社保补贴相应预算减少", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_prior_year_nothing_is_compared()
    {
        var text = SeedBudget.Render(Seed with { PriorYear = null });

        Assert.DoesNotContain("比上年", text, StringComparison.Ordinal);
        Assert.DoesNotContain("主要原因", text, StringComparison.Ordinal);
        Assert.Contains("一般公共预算3,852.63万元，占51.37%。\n", text, StringComparison.Ordinal);
        Assert.Contains("财政拨款结转662.19万元，占8.84%。\n", text, StringComparison.Ordinal);
        Assert.Contains("行政运行（项）：2024年预算数为460.26万元。\n", text, StringComparison.Ordinal);
        Assert.Contains("基本支出1,198.75万元。\n项目支出4,990.00万元。\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("“三公”经费比上年", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_function_the_prior_year_had_and_this_year_has_not_is_listed_as_a_full_decrease()
    {
        var prior = Seed.PriorYear!;
        var document = Seed with
        {
            PriorYear = prior with { GeneralBudgetByFunction = [.. prior.GeneralBudgetByFunction, new FunctionAmount { FunctionCode = "2080107", Amount = 10.00m }] },
        };

        var text = SeedBudget.Render(document);

        Assert.Contains("：2024年预算数为0.00万元，比上年预算减少10.00万元,下降100.00%。\n", text, StringComparison.Ordinal);
        Assert.Contains("\n23.住房保障支出（类）住房改革支出（款）住房公积金（项）", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Government_fund_money_is_explained_instead_of_the_empty_table_note()
    {
        var document = Seed with
        {
            Income = [.. Seed.Income, new IncomeLine { Source = FundSource.GovernmentFund, Amount = 10.00m }],
            Lines =
            [
                .. Seed.Lines,
                new ExpenditureLine { FunctionCode = "2080101", Category = ExpenditureCategory.Project, EconomicCode = "30299", FundSource = FundSource.GovernmentFund, ProjectCode = "P01", Amount = 10.00m },
            ],
        };

        var text = SeedBudget.Render(document);

        Assert.Contains("\n政府性基金预算10.00万元，占0.13%，比上年预算增加10.00万元，增长100.00%。\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("政府性基金预算未安排", text, StringComparison.Ordinal);
        Assert.DoesNotContain("收入全部为一般公共预算拨款", text, StringComparison.Ordinal);
        Assert.Contains("收入预算包括：一般公共预算拨款6,188.75万元、政府性基金预算拨款10.00万元。", text, StringComparison.Ordinal);
        Assert.Contains("政府性基金预算支出包括：社会保障和就业支出10.00万元。", text, StringComparison.Ordinal);
        Assert.Contains("2024年政府性基金预算拨款安排的支出10.00万元，其中：基本支出0.00万元（人员经费0.00万元，公用经费0.00万元），项目支出10.00万元。", text, StringComparison.Ordinal);
        Assert.DoesNotContain("政府性基金预算支出情况表为空表", text, StringComparison.Ordinal);
        Assert.Contains("国有资本经营预算支出情况表为空表", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_paragraph_is_one_line_and_every_section_is_present_once()
    {
        var lines = SeedBudget.Render(Seed).Split('\n');

        Assert.Equal("", lines[^1]);
        Assert.All(lines[..^1], l => Assert.False(string.IsNullOrWhiteSpace(l)));
        string[] numbers = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];
        Assert.Equal(numbers, lines.Where(l => l.Contains("、关于", StringComparison.Ordinal) || l.StartsWith("十二、", StringComparison.Ordinal)).Select(l => l[..l.IndexOf('、', StringComparison.Ordinal)]));
    }
}
