using System.Text;

namespace Compensation.Rules.Tests.Loading;

/// <summary>A scratch folder under the system temp folder, deleted when the test ends.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "compensation-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Writes UTF-8 without BOM unless asked, exactly as given (no newline translation).</summary>
    public string Write(string name, string content, bool bom = false)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, content, new UTF8Encoding(bom));
        return file;
    }

    public void WriteAll(IReadOnlyDictionary<string, string> files)
    {
        foreach (var (name, content) in files)
        {
            Write(name, content);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the test over it is not.
        }
    }
}
