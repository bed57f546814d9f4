using System.Reflection;

namespace ReputationEngine.Server.Storage;

/// <summary>The project's own schema scripts from deploy/sql, embedded in the server at build time.</summary>
public static class SqlScripts
{
    /// <summary>
    /// Scripts of one folder under deploy/sql (<c>sqlite</c>, <c>sqlite/mention-log</c>, <c>postgres</c>), in file-name
    /// order; not those of its subfolders.
    /// </summary>
    public static IReadOnlyList<(string Name, string Sql)> For(string folder)
    {
        var assembly = typeof(SqlScripts).Assembly;
        var prefix = $"sql.{folder}/";
        return [.. assembly.GetManifestResourceNames()
            .Select(n => (Resource: n, Path: n.Replace('\\', '/')))
            .Where(n => n.Path.StartsWith(prefix, StringComparison.Ordinal) && !n.Path[prefix.Length..].Contains('/'))
            .OrderBy(n => n.Path, StringComparer.Ordinal)
            .Select(n => (n.Path[prefix.Length..], Read(assembly, n.Resource)))];
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
