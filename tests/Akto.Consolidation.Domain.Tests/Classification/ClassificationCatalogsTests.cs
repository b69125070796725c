using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Validation;

namespace Akto.Consolidation.Domain.Tests.Classification;

public sealed class ClassificationCatalogsTests
{
    private static string NewDirectory() => Directory.CreateTempSubdirectory("akto-catalogs").FullName;

    [Fact]
    public void An_override_file_replaces_the_shipped_tree_of_its_year_and_the_other_tree_stays_shipped()
    {
        var directory = NewDirectory();
        File.WriteAllText(Path.Combine(directory, "function-2024.csv"), "# 测试覆盖\ncode,name,level,parent,year\n208,社会保障和就业支出（覆盖）,类,,2024\n20801,人力资源和社会保障管理事务,款,208,2024\n2080101,行政运行,项,20801,2024\n");

        var catalog = ClassificationCatalogs.WithOverrides(directory).Get(2024);

        Assert.Equal("社会保障和就业支出（覆盖）", catalog.NameOf(ClassificationTree.Function, "208"));
        Assert.Null(catalog.Find(ClassificationTree.Function, "201"));
        Assert.Equal(ClassificationCatalogs.Shipped.Get(2024).Entries(ClassificationTree.Economic), catalog.Entries(ClassificationTree.Economic));
        // The catalog names the source of each tree: the override's for the function tree, the shipped one's for the other.
        Assert.StartsWith("测试覆盖; ", catalog.Source, StringComparison.Ordinal);
        Assert.Contains("部门预算支出经济分类", catalog.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_year_only_the_override_directory_has_needs_both_trees_there()
    {
        var directory = NewDirectory();
        File.WriteAllText(Path.Combine(directory, "function-2031.csv"), "code,name,level,parent,year\n208,社会保障和就业支出,类,,2031\n");
        var catalogs = ClassificationCatalogs.WithOverrides(directory);

        Assert.Throws<CatalogNotFoundException>(() => catalogs.Get(2031));

        File.WriteAllText(Path.Combine(directory, "economic-2031.csv"), "code,name,level,parent,year\n301,工资福利支出,类,,2031\n30101,基本工资,款,301,2031\n");
        Assert.Equal(2031, ClassificationCatalogs.WithOverrides(directory).Get(2031).Year);
    }

    [Fact]
    public void A_bad_override_file_is_an_error_listing_its_problems_not_a_silent_fallback()
    {
        var directory = NewDirectory();
        File.WriteAllText(Path.Combine(directory, "economic-2024.csv"), "code,name,level,parent,year\n301,,类,,2024\n30101,基本工资,款,302,2024\n");

        var exception = Assert.Throws<CatalogLoadException>(() => ClassificationCatalogs.WithOverrides(directory).Find(2024));

        Assert.Equal([2, 3], exception.Problems.Select(p => p.Line));
        Assert.EndsWith("economic-2024.csv", exception.File, StringComparison.Ordinal);
    }

    [Fact]
    public void Validation_follows_the_catalog_it_is_given()
    {
        var seed = SeedBudget.Load();
        var shipped = ClassificationCatalogs.Shipped.Get(2024);
        var usedEconomic = seed.Lines.Select(l => l.EconomicCode).First();
        var without = new ClassificationCatalog(2024, shipped.Entries(ClassificationTree.Function), shipped.Entries(ClassificationTree.Economic).Where(e => e.Code != usedEconomic));

        Assert.Empty(BudgetValidator.Validate(seed, shipped).Errors);
        Assert.NotEmpty(BudgetValidator.Validate(seed, without).Errors);
        Assert.Equal("S-03", Assert.Single(BudgetValidator.Validate(seed, (ClassificationCatalog?)null).Findings).RuleId);
    }
}
