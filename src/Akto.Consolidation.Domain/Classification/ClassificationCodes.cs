namespace Akto.Consolidation.Domain.Classification;

/// <summary>Code arithmetic of the two classification trees.</summary>
public static class ClassificationCodes
{
    /// <summary>The 类 of a function or economic code (first three digits).</summary>
    public static string ClassOf(string code) => code.Length >= 3 ? code[..3] : code;

    /// <summary>
    /// 人员经费 as opposed to 公用经费 in basic spending: economic 类 301 工资福利支出 and 303 对个人和家庭的补助.
    /// </summary>
    public static bool IsPersonnel(string economicCode) => ClassOf(economicCode) is "301" or "303";

    /// <summary>The 款 of a function code (first five digits).</summary>
    public static string SectionOf(string code) => code[..5];

    /// <summary>The level a code's length implies.</summary>
    public static ClassificationLevel LevelOf(string code) => code.Length switch
    {
        3 => ClassificationLevel.Class,
        5 => ClassificationLevel.Section,
        _ => ClassificationLevel.Item,
    };

    /// <summary>The code length of a level: 类 3, 款 5, 项 7 digits.</summary>
    public static int LengthOf(ClassificationLevel level) => level switch
    {
        ClassificationLevel.Class => 3,
        ClassificationLevel.Section => 5,
        _ => 7,
    };

    /// <summary>The parent code a code's digits imply (款 → its 类, 项 → its 款), null for a 类.</summary>
    public static string? ParentOf(string code) => code.Length switch
    {
        5 => code[..3],
        7 => code[..5],
        _ => null,
    };

    /// <summary>The chain of ancestors of a code, nearest first ("2080101" → "20801", "208").</summary>
    public static IEnumerable<string> AncestorsOf(string code)
    {
        if (code.Length > 5)
        {
            yield return code[..5];
        }

        if (code.Length > 3)
        {
            yield return code[..3];
        }
    }

    /// <summary>The Chinese name of a level as the catalog files write it.</summary>
    public static string LevelName(ClassificationLevel level) => level switch
    {
        ClassificationLevel.Class => "类",
        ClassificationLevel.Section => "款",
        _ => "项",
    };

    /// <summary>Reads 类 / 款 / 项.</summary>
    public static ClassificationLevel? ParseLevel(string text) => text switch
    {
        "类" => ClassificationLevel.Class,
        "款" => ClassificationLevel.Section,
        "项" => ClassificationLevel.Item,
        _ => null,
    };

    /// <summary>The file stem and API name of a tree: <c>function</c> or <c>economic</c>.</summary>
    public static string TreeName(ClassificationTree tree) => tree == ClassificationTree.Function ? "function" : "economic";

    /// <summary>Reads <c>function</c> or <c>economic</c>.</summary>
    public static ClassificationTree? ParseTree(string? text) => text switch
    {
        "function" => ClassificationTree.Function,
        "economic" => ClassificationTree.Economic,
        _ => null,
    };
}
