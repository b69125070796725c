using Akto.Consolidation.Domain.Classification;

namespace Akto.Consolidation.Contracts.Classification;

/// <summary>
/// One node of a classification tree of a scope: key "{year}/{scope}/{tree}/{code}". The function tree runs
/// 项 (7 digits) → 款 (5) → 类 (3) → root; the economic tree 款 (5) → 类 (3) → root. Amounts are booked on the leaves
/// (function 项, economic 款); <see cref="RootCode"/> is the scope's total.
/// </summary>
[GenerateSerializer, Immutable, Alias("akto.node-key")]
public sealed record NodeKey(
    [property: Id(0)] int Year,
    [property: Id(1)] ConsolidationScope Scope,
    [property: Id(2)] ClassificationTree Tree,
    [property: Id(3)] string Code)
{
    public const string RootCode = "root";

    public bool IsRoot => Code == RootCode;

    /// <summary>True for the level units book on: function 项, economic 款.</summary>
    public bool IsLeaf => Code.Length == LeafLength(Tree);

    /// <summary>The node this one adds into; null for the root.</summary>
    public NodeKey? Parent => Code switch
    {
        RootCode => null,
        { Length: 3 } => this with { Code = RootCode },
        { Length: 5 } => this with { Code = Code[..3] },
        _ => this with { Code = Code[..5] },
    };

    /// <summary>The key of a child of this node (a child code, not a unit).</summary>
    public NodeKey Child(string code) => this with { Code = code };

    /// <summary>The leaf and its ancestors up to the root, leaf first.</summary>
    public IEnumerable<NodeKey> SelfAndAncestors()
    {
        for (NodeKey? key = this; key is not null; key = key.Parent)
        {
            yield return key;
        }
    }

    /// <summary>Depth below the root: 0 root, 1 类, 2 款, 3 项 (function).</summary>
    public int Depth => Code switch
    {
        RootCode => 0,
        { Length: 3 } => 1,
        { Length: 5 } => 2,
        _ => 3,
    };

    public static NodeKey Root(int year, ConsolidationScope scope, ClassificationTree tree) => new(year, scope, tree, RootCode);

    public static NodeKey Leaf(int year, ConsolidationScope scope, ClassificationTree tree, string code)
    {
        var key = new NodeKey(year, scope, tree, code);
        return key.IsLeaf ? key : throw new ArgumentException($"{code} 不是{(tree == ClassificationTree.Function ? "功能分类项级" : "经济分类款级")}科目", nameof(code));
    }

    public static int LeafLength(ClassificationTree tree) => tree == ClassificationTree.Function ? 7 : 5;

    public static NodeKey Parse(string key)
    {
        var (year, rest) = GrainKeys.Split(key, 4);
        return new NodeKey(year, ConsolidationScope.Parse(rest[0]), GrainKeys.ParseTree(rest[1]), rest[2]);
    }

    public override string ToString() => $"{GrainKeys.Year(Year)}/{Scope}/{GrainKeys.TreeName(Tree)}/{Code}";
}
