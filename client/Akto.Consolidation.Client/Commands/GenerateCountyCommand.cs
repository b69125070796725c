using System.CommandLine;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Synthetic;

namespace Akto.Consolidation.Client.Commands;

/// <summary>
/// <c>akto generate-county --units N --departments M --seed S --out DIR [--year Y]</c>: a synthetic county, one budget
/// document per unit under <c>DIR/{departmentCode}/{unitCode}.budget.json</c> plus <c>DIR/county.json</c>; the same seed
/// writes byte-identical files.
/// </summary>
internal static class GenerateCountyCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var units = new Option<int>("--units") { Description = "预算单位数 (units in all, departments included)", DefaultValueFactory = _ => 300 };
        var departments = new Option<int>("--departments") { Description = "主管部门数 (departments)", DefaultValueFactory = _ => 60 };
        var seed = new Option<int>("--seed") { Description = "随机种子: the same seed gives byte-identical files", DefaultValueFactory = _ => 1 };
        var year = new Option<int>("--year") { Description = "预算年度 (budget year; its classification catalog must ship)", DefaultValueFactory = _ => 2024 };
        var outDirectory = new Option<DirectoryInfo>("--out") { Description = "写入目录 (output directory)", Required = true };
        var command = new Command("generate-county", "生成合成县预算 (generate a realistic synthetic county: one valid budget document per unit).")
        {
            units, departments, seed, outDirectory, year,
        };
        command.SetAction(parse => Run(
            new CountyOptions(parse.GetValue(units), parse.GetValue(departments), parse.GetValue(seed), parse.GetValue(year)),
            parse.GetValue(outDirectory)!,
            output,
            error));
        return command;
    }

    public static int Run(CountyOptions options, DirectoryInfo outDirectory, TextWriter output, TextWriter error)
    {
        try
        {
            options.Validate();
        }
        catch (ArgumentOutOfRangeException exception)
        {
            error.WriteLine(exception.Message);
            return ExitCodes.Invalid;
        }

        if (!ClassificationCatalog.IsShipped(options.Year))
        {
            error.WriteLine($"预算年度 {options.Year} 没有科目目录 (no classification catalog ships for {options.Year}).");
            return ExitCodes.Invalid;
        }

        var county = SyntheticCounty.Generate(options, ClassificationCatalog.ForYear(options.Year));
        county.WriteTo(outDirectory.FullName);
        output.WriteLine(
            $"{outDirectory.FullName}: {county.Documents.Count} 个单位, {county.Departments.Count} 个部门, 覆盖 {county.FunctionClasses.Count} 个功能分类类级科目 " +
            $"({county.Documents.Count} units, {county.Departments.Count} departments, {county.FunctionClasses.Count} function classes: {string.Join(" ", county.FunctionClasses)})");
        return ExitCodes.Ok;
    }
}
