using System.Text.RegularExpressions;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Disclosure;

namespace Akto.Consolidation.Domain.Tests.Classification;

/// <summary>公开表显示名称: a year's table prints a code as its template does, without renaming the code in the catalog.</summary>
public sealed partial class DisplayNamesTests
{
    [Fact]
    public void Table_4_of_2024_prints_234_as_the_seed_does_and_table_1_keeps_the_catalog_name()
    {
        var tables = DisclosureTables.For(SeedBudget.Load());

        Assert.Equal("抗疫特别国债还本支出", tables.Table(4).Find("234").Name);
        Assert.Equal("抗疫特别国债安排的支出", tables.Table(1).Find("234").Name);
        Assert.Equal("抗疫特别国债安排的支出", ClassificationCatalog.ForYear(2024).NameOf(ClassificationTree.Function, "234"));
    }

    [Fact]
    public void A_year_without_an_override_file_prints_the_catalog_name()
    {
        var catalog = ClassificationCatalog.ForYear(2025);

        Assert.Empty(catalog.DisplayNameOverrides);
        Assert.Equal("抗疫特别国债安排的支出", catalog.DisplayNameOf(ClassificationTree.Function, "234", 4));
    }

    [Fact]
    public void Every_shipped_override_names_a_code_of_its_years_catalog()
    {
        var years = typeof(ClassificationCatalog).Assembly.GetManifestResourceNames()
            .Select(n => ShippedFile().Match(n))
            .Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();

        Assert.Contains(2024, years);
        foreach (var year in years)
        {
            var catalog = ClassificationCatalog.ForYear(year);
            Assert.NotEmpty(catalog.DisplayNameOverrides);
            Assert.All(catalog.DisplayNameOverrides, o => Assert.NotNull(catalog.Find(o.Tree, o.Code)));
            Assert.Equal(catalog.DisplayNameOverrides.Count, catalog.DisplayNameOverrides.Select(o => (o.Tree, o.Code, o.Table)).Distinct().Count());
        }
    }

    [Fact]
    public void An_override_directory_replaces_the_shipped_display_names_of_its_year()
    {
        var directory = Directory.CreateTempSubdirectory("akto-names").FullName;
        File.WriteAllText(Path.Combine(directory, DisplayNames.FileName(2024)), "\uFEFF# 本地模板\ntree,code,table,name\nfunction,208,3,社会保障与就业\n");

        var catalog = ClassificationCatalogs.WithOverrides(directory).Get(2024);
        var tables = DisclosureTables.For(SeedBudget.Load(), catalog);

        Assert.Equal("社会保障与就业", tables.Table(3).Find("208").Name);
        Assert.Equal("社会保障和就业支出", tables.Table(2).Find("208").Name);
        // The directory's file replaces the shipped one: 234 in 表4 keeps the catalog's name.
        Assert.Equal("抗疫特别国债安排的支出", catalog.DisplayNameOf(ClassificationTree.Function, "234", 4));
        Assert.Equal("抗疫特别国债还本支出", ClassificationCatalogs.WithOverrides(Directory.CreateTempSubdirectory("akto-empty").FullName).Get(2024).DisplayNameOf(ClassificationTree.Function, "234", 4));
    }

    [Fact]
    public void A_malformed_override_file_in_the_directory_is_refused_with_every_line()
    {
        var directory = Directory.CreateTempSubdirectory("akto-names").FullName;
        File.WriteAllText(Path.Combine(directory, DisplayNames.FileName(2024)), "tree,code,table,name\nfunction,208,13,x\nplanets,208,3,x\n");

        var thrown = Assert.Throws<CatalogLoadException>(() => ClassificationCatalogs.WithOverrides(directory).Get(2024));

        Assert.EndsWith(DisplayNames.FileName(2024), thrown.File, StringComparison.Ordinal);
        Assert.Equal([2, 3], thrown.Problems.Select(p => p.Line));
    }

    [Theory]
    [InlineData("code,name\nfunction,234,4,x", "表头")]
    [InlineData("tree,code,table,name\nfunction,234,12,x", "表号")]
    [InlineData("tree,code,table,name\nfunctions,234,4,x", "未知分类")]
    [InlineData("tree,code,table,name\nfunction,234,4,", "不能为空")]
    [InlineData("tree,code,table,name\nfunction,234,4", "4 列")]
    public void A_malformed_file_is_refused_with_its_line(string csv, string expected)
    {
        var thrown = Assert.Throws<InvalidDataException>(() => DisplayNames.Parse(csv, "f.csv"));

        Assert.Contains(expected, thrown.Message, StringComparison.Ordinal);
        Assert.StartsWith("f.csv:", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Comments_and_blank_lines_are_skipped()
    {
        var overrides = DisplayNames.Parse("# note\n\ntree,code,table,name\n# another\nfunction,234,4,抗疫特别国债还本支出\n", "f.csv");

        Assert.Equal([new DisplayNameOverride(ClassificationTree.Function, "234", 4, "抗疫特别国债还本支出")], overrides);
    }

    [GeneratedRegex("^catalogs/display-names-([0-9]{4})\\.csv$")]
    private static partial Regex ShippedFile();
}
