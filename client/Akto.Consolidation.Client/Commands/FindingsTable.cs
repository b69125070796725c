using Spectre.Console;

namespace Akto.Consolidation.Client.Commands;

/// <summary>Findings as a table: 规则, 级别, 位置, 说明.</summary>
internal static class FindingsTable
{
    public static Table Create(IEnumerable<FindingRow> findings)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("规则 rule").AddColumn("级别 severity").AddColumn("位置 location").AddColumn("说明 message");
        foreach (var f in findings)
        {
            table.AddRow(Markup.Escape(f.RuleId), f.Severity == "error" ? "错误" : "警告", Markup.Escape(f.Location), Markup.Escape(f.Message));
        }

        return table;
    }
}
