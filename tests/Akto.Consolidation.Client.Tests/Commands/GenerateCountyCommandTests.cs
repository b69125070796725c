namespace Akto.Consolidation.Client.Tests.Commands;

public sealed class GenerateCountyCommandTests
{
    [Fact]
    public void Writes_one_valid_file_per_unit_under_a_folder_per_department_and_prints_a_summary()
    {
        var directory = Directory.CreateTempSubdirectory("akto-generate").FullName;
        try
        {
            var (exit, output, error) = CliRun.InProcess("generate-county", "--units", "30", "--departments", "12", "--seed", "9", "--out", directory);

            Assert.Equal(0, exit);
            Assert.Equal("", error);
            Assert.Contains("30 units, 12 departments", output, StringComparison.Ordinal);
            var files = Directory.GetFiles(directory, "*.budget.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(30, files.Count);
            Assert.Equal(12, files.Select(Path.GetDirectoryName).Distinct().Count());
            Assert.True(File.Exists(Path.Combine(directory, "county.json")));
            Assert.All(files.Take(5), f => Assert.Equal(0, CliRun.InProcess("validate", f).Exit));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Fewer_units_than_departments_is_an_error()
    {
        var (exit, _, error) = CliRun.InProcess("generate-county", "--units", "3", "--departments", "5", "--out", Path.GetTempPath());

        Assert.Equal(1, exit);
        Assert.Contains("单位数不能少于部门数", error, StringComparison.Ordinal);
    }
}
