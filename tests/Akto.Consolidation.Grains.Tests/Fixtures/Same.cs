using System.Text.Json;

namespace Akto.Consolidation.Grains.Tests.Fixtures;

/// <summary>Structural equality of result records (their immutable arrays compare by reference).</summary>
internal static class Same
{
    public static void Assert<T>(T expected, T actual) =>
        Xunit.Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));
}
