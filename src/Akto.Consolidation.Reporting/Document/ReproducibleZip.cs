using System.IO.Compression;

namespace Akto.Consolidation.Reporting.Document;

/// <summary>
/// Makes an OOXML package (XLSX) byte-for-byte reproducible: the same entries in the same order, each stamped with one fixed
/// time instead of the moment it was written. With fixed relationship ids in the writer, the same document then gives the
/// same bytes and so the same SHA-256 — what a snapshot's manifest records.
/// </summary>
public static class ReproducibleZip
{
    /// <summary>1 January 1980, the earliest time a zip entry can carry.</summary>
    public static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Normalize(byte[] package)
    {
        ArgumentNullException.ThrowIfNull(package);
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = EntryTime;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }

        return output.ToArray();
    }
}
