using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Documents;

namespace Akto.Consolidation.Domain.Disclosure;

/// <summary>表8 政府性基金预算支出情况表 and 表9 国有资本经营预算支出情况表: empty with a note when nothing is budgeted.</summary>
internal static class BudgetTypeExpenditureTable
{
    public static DisclosureTable Build(DisclosureContext context, int id, BudgetType budgetType)
    {
        var (title, group, appropriation) = budgetType switch
        {
            BudgetType.GovernmentFund => ("政府性基金预算支出情况表", "政府性基金预算支出", "政府性基金预算拨款"),
            _ => ("国有资本经营预算支出情况表", "国有资本经营预算支出", "国有资本经营预算拨款"),
        };
        string[] columns = [$"{group}/合计", $"{group}/基本支出/人员经费", $"{group}/基本支出/公用经费", $"{group}/项目支出"];

        var leaves = context.ByFunction(
            key => key.FundSource.IsCurrentFiscal() && key.FundSource.BudgetTypeOf() == budgetType,
            columns.Length,
            key => [0, key.Category == ExpenditureCategory.Project ? 3 : DisclosureContext.IsPersonnel(key) ? 1 : 2]);
        var rows = RowSet.Tree(leaves, columns, context.Catalog, ClassificationTree.Function, id);
        var empty = rows.Count == 0;
        rows.Add(RowSet.Named("合计", columns, RowSet.TotalOfClasses(rows, columns)));
        var note = empty
            ? $"备注：{context.Scope.Name}{context.Facts.Year}年没有使用{appropriation}安排的支出，{title}为空表。"
            : null;
        return new DisclosureTable(id, title, columns, rows, note);
    }
}
