using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Domain.Facts;

namespace Akto.Consolidation.Domain.Disclosure;

/// <summary>The shape of tables 3 and 5: function rows × (合计, 基本支出, 项目支出) over the lines a filter keeps.</summary>
internal static class BasicProjectTable
{
    public static DisclosureTable Build(DisclosureContext context, int id, string title, string[] columns, Func<LineKey, bool> filter)
    {
        var leaves = context.ByFunction(filter, 3, key => [0, key.Category == ExpenditureCategory.Basic ? 1 : 2]);
        var rows = RowSet.Tree(leaves, columns, context.Catalog, ClassificationTree.Function, id);
        rows.Add(RowSet.Named("合计", columns, RowSet.TotalOfClasses(rows, columns)));
        return new DisclosureTable(id, title, columns, rows);
    }
}
