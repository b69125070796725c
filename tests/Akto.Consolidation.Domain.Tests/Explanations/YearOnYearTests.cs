using Akto.Consolidation.Domain.Explanations;

namespace Akto.Consolidation.Domain.Tests.Explanations;

public sealed class YearOnYearTests
{
    [Theory]
    [InlineData("100", "110", true)]
    [InlineData("100", "109.99", false)]
    [InlineData("100", "90", true)]
    [InlineData("100", "90.01", false)]
    [InlineData("0", "0.01", true)]
    [InlineData("0", "0", false)]
    [InlineData("5", "5", false)]
    public void A_change_of_ten_percent_or_from_zero_needs_a_reason(string prior, string current, bool needsReason)
    {
        var comparison = new YearOnYearComparison("s", "s", decimal.Parse(current, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(prior, System.Globalization.CultureInfo.InvariantCulture), "$");

        Assert.Equal(needsReason, comparison.NeedsReason);
    }

    [Fact]
    public void Change_from_zero_is_written_as_one_hundred_percent()
    {
        Assert.Equal(100m, new YearOnYearComparison("s", "s", 662.19m, 0m, "$").ChangePercent);
        Assert.Equal(-66.50m, new YearOnYearComparison("s", "s", 5.40m, 16.12m, "$").ChangePercent);
    }

    [Fact]
    public void Shares_of_a_partition_add_up_to_exactly_one_hundred()
    {
        var shares = ExplanationFigures.Shares([3852.63m, 2336.12m, 648.20m, 662.19m], 7499.14m);

        Assert.Equal([51.37m, 31.15m, 8.64m, 8.84m], shares);
        Assert.Equal(100m, shares.Sum());
    }

    [Fact]
    public void Shares_of_parts_that_are_not_a_partition_are_not_adjusted()
    {
        Assert.Equal([50m, 33.33m], ExplanationFigures.Shares([3m, 2m], 6m));
    }
}
