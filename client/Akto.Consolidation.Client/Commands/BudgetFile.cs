using Akto.Consolidation.Domain.Documents;

namespace Akto.Consolidation.Client.Commands;

/// <summary>Reads budget files with a clear message instead of a stack trace.</summary>
internal static class BudgetFile
{
    public static bool TryRead(FileInfo file, TextWriter error, out byte[] bytes)
    {
        bytes = [];
        try
        {
            if (file.Length > BudgetDocumentReader.MaxBytes)
            {
                error.WriteLine($"{file.FullName}: 文件超过 {BudgetDocumentReader.MaxBytes / 1024 / 1024} MiB (file too large)");
                return false;
            }

            bytes = File.ReadAllBytes(file.FullName);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"{file.FullName}: 无法读取文件 ({exception.Message})");
            return false;
        }
    }
}
