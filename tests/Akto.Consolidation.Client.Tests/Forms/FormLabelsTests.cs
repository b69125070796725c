using Akto.Consolidation.Client.Forms;
using Akto.Consolidation.Domain.Documents;

namespace Akto.Consolidation.Client.Tests.Forms;

/// <summary>Every value of every enumeration the form offers has its own label, so a value added to the model fails here.</summary>
public sealed class FormLabelsTests
{
    [Fact]
    public void Every_enumeration_value_has_one_label_that_reads_back_as_itself()
    {
        AssertComplete(FormLabels.FundSources);
        AssertComplete(FormLabels.Categories);
        AssertComplete(FormLabels.ProjectKinds);
        AssertComplete(FormLabels.ThreePublicItems);
        AssertComplete(FormLabels.BudgetTypes);
        AssertComplete(FormLabels.Measures);
        AssertComplete(FormLabels.ExplanationKinds);
    }

    private static void AssertComplete<T>(FormLabels<T> labels)
        where T : struct, Enum
    {
        Assert.Equal(labels.All.Count, labels.All.Distinct(StringComparer.Ordinal).Count());
        foreach (var value in Enum.GetValues<T>().Where(v => typeof(T) != typeof(FundSource) || FundSources.All.Contains((FundSource)(object)v)))
        {
            Assert.True(labels.TryParse(labels.Of(value), out var read), $"{typeof(T).Name}.{value}");
            Assert.Equal(value, read);
        }
    }
}
