namespace Akto.Consolidation.Client.Tests.Commands;

public sealed class ExplainCommandTests
{
    [Fact]
    public void Writes_the_seed_units_explanations_from_its_data()
    {
        var (exit, output, _) = CliRun.InProcess("explain", CliRun.Seed);

        Assert.Equal(0, exit);
        var text = string.Concat(output.Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains("一般公共预算3,852.63万元，占51.37%，比上年预算减少532.58万元，下降12.14%", text, StringComparison.Ordinal);
        Assert.Contains("财政拨款结转662.19万元，占8.84%", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_file_exits_2()
    {
        var path = CliRun.CopyOfSeed(_ => "{ not json");

        Assert.Equal(2, CliRun.InProcess("explain", path).Exit);
    }
}
