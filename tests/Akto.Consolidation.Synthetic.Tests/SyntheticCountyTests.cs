using System.Security.Cryptography;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Disclosure;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Domain.Facts;
using Akto.Consolidation.Domain.Validation;

namespace Akto.Consolidation.Synthetic.Tests;

public sealed class SyntheticCountyTests
{
    private static ClassificationCatalog Catalog => ClassificationCatalog.ForYear(2024);

    private static SyntheticCounty Generate(int units, int departments, int seed) =>
        SyntheticCounty.Generate(new CountyOptions(units, departments, seed), Catalog);

    [Fact]
    public void Same_seed_writes_byte_identical_file_trees_and_another_seed_does_not()
    {
        var first = Tree(Generate(80, 20, 7));
        var again = Tree(Generate(80, 20, 7));
        var other = Tree(Generate(80, 20, 8));

        Assert.Equal(first.Keys, again.Keys);
        Assert.All(first, f => Assert.Equal(f.Value, again[f.Key]));
        Assert.Contains(first, f => !other.TryGetValue(f.Key, out var hash) || hash != f.Value);
    }

    [Fact]
    public void Every_document_of_a_300_unit_county_validates_without_errors_or_warnings()
    {
        var county = Generate(300, 60, 2024);

        Assert.Equal(300, county.Documents.Count);
        Assert.Equal(60, county.Departments.Count);
        Assert.Equal(county.Documents.Count, county.Documents.Select(d => d.UnitCode).Distinct().Count());
        var findings = county.Documents
            .SelectMany(d => BudgetValidator.Validate(d).Findings.Select(f => $"{d.UnitCode} {d.UnitName}: {f}"))
            .ToList();
        Assert.True(findings.Count == 0, string.Join("\n", findings.Take(40)));
    }

    [Fact]
    public void Departments_consolidate_with_matching_internal_transfers_and_tables_that_pass_every_table_rule()
    {
        var county = Generate(150, 25, 11);

        var result = Elimination.Consolidate(2024, county.Documents);
        Assert.NotEmpty(result.Transfers);
        Assert.Empty(result.Findings);
        var tables = DisclosureTables.Consolidate(county.Documents, DisclosureScope.County());
        var failures = AuditRules.All.Where(r => r.Check is null).SelectMany(r => TableRules.Evaluate(r, tables)).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        foreach (var department in county.Departments)
        {
            var departmentTables = DisclosureTables.Consolidate(department.Units, DisclosureScope.Department(department.Code, department.Name));
            Assert.Empty(AuditRules.All.Where(r => r.Check is null).SelectMany(r => TableRules.Evaluate(r, departmentTables)));
        }
    }

    [Fact]
    public void Departments_are_their_own_units_and_head_their_subordinates()
    {
        var county = Generate(120, 25, 3);

        Assert.All(county.Departments, d =>
        {
            Assert.Equal(d.Code, d.Units[0].UnitCode);
            Assert.All(d.Units, u => Assert.Equal(d.Code, u.DepartmentCode));
            Assert.Equal(d.Units.Skip(1).Select(u => u.UnitCode), d.Units[0].Profile!.SubordinateUnits);
        });
        var education = county.Departments.Single(d => d.Kind == DepartmentKind.Education);
        Assert.True(education.Units.Count > county.Departments.Single(d => d.Kind == DepartmentKind.IndustryInformation).Units.Count);
        Assert.Contains(county.Documents, d => d.Lines.Any(l => l.FundSource.IsCarryOver()));
        Assert.Contains(county.Documents, d => d.ThreePublicExpenses.Count > 0);
        Assert.Contains(county.Documents, d => d.Income.Any(i => i.Source == FundSource.UnitSuperiorSubsidy));
        Assert.Contains(county.Documents, d => d.Income.Any(i => i.Source == FundSource.UnitSubordinateRemittance));
    }

    [Fact]
    public void Only_codes_of_the_catalog_are_booked()
    {
        var county = Generate(100, 40, 5);

        Assert.All(county.Documents.SelectMany(d => d.Lines), l =>
        {
            Assert.True(Catalog.IsBookable(ClassificationTree.Function, l.FunctionCode), l.FunctionCode);
            Assert.True(Catalog.IsBookable(ClassificationTree.Economic, l.EconomicCode), l.EconomicCode);
        });
    }

    [Fact]
    public void A_county_of_25_departments_covers_at_least_20_function_classes_when_the_catalog_has_them()
    {
        var county = Generate(120, 25, 2024);

        // The seed catalog (before the full catalogs) has bookable codes in a handful of 类 only.
        var bookableClasses = Catalog.Entries(ClassificationTree.Function)
            .Where(e => Catalog.IsBookable(ClassificationTree.Function, e.Code))
            .Select(e => ClassificationCodes.ClassOf(e.Code))
            .Distinct()
            .Count();
        Assert.True(county.FunctionClasses.Count >= Math.Min(20, bookableClasses), string.Join(",", county.FunctionClasses));
    }

    private static Dictionary<string, string> Tree(SyntheticCounty county)
    {
        var directory = Directory.CreateTempSubdirectory("akto-county").FullName;
        try
        {
            county.WriteTo(directory);
            return Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(directory, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
