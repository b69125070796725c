namespace Akto.Consolidation.Silo.Tests.Infrastructure;

/// <summary>Other projects' build output, of the same configuration as these tests (the solution build makes them).</summary>
internal static class BuildOutput
{
    public static string Of(string folder, string project, string assembly)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = directory.Parent!.Name;
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Akto.Consolidation.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var path = Path.Combine(directory.FullName, folder, project, "bin", configuration, "net10.0", assembly);
        Assert.True(File.Exists(path), $"{path} is not built (dotnet build Akto.Consolidation.sln -c {configuration})");
        return path;
    }

    /// <summary>The silo's dll.</summary>
    public static string Silo() => Of("silo", "Akto.Consolidation.Silo", "Akto.Consolidation.Silo.dll");
}
