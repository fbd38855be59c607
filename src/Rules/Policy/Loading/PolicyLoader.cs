using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Compensation.Rules.Policy.Loading;

/// <summary>
/// Loads a school policy from YAML or JSON (docs/policy-format.md, schemas/policy.schema.json).
/// Every problem is collected (unknown keys, wrong types, values out of range, keys a mode needs)
/// and thrown together as one <see cref="InputException"/>; errors name the file, the line of the
/// offending node and the dotted field (<c>fees.cap.per_term</c>, <c>deductions.rules[1].kinds[0]</c>).
/// </summary>
public static class PolicyLoader
{
    /// <summary>Reads a .yaml/.yml or .json file; JSON is read by the YAML parser, of which it is a subset.</summary>
    public static SchoolPolicy LoadFile(string path)
    {
        var fileName = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new InputException([new InputError(fileName, 0, "", "the policy file does not exist")]);
        }

        return LoadText(File.ReadAllText(path), fileName);
    }

    /// <summary>Parses policy text; <paramref name="fileName"/> is only used to name the file in errors.</summary>
    public static SchoolPolicy LoadText(string text, string fileName)
    {
        var values = new YamlValues(fileName);
        var root = Parse(text, values);
        var policy = root is null ? null : new PolicyMapper(values).Map(root);
        if (policy is null || values.Errors.Count > 0)
        {
            throw new InputException([.. values.Errors.OrderBy(e => e.Line)]);
        }

        return policy;
    }

    /// <summary>The single document's root; a syntax error becomes one error on the parser's line.</summary>
    private static YamlNode? Parse(string text, YamlValues values)
    {
        var stream = new YamlStream();
        var scanner = new Scanner(new StringReader(text));
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (YamlException ex)
        {
            values.Error(checked((int)ex.Start.Line), "", "not valid YAML: " + ex.Message);
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some malformed flow collections; where it stopped is the best line there is.
            values.Error(checked((int)scanner.CurrentPosition.Line), "", "not valid YAML: the text cannot be parsed here (an unclosed [ or { before?)");
            return null;
        }

        if (stream.Documents.Count != 1)
        {
            var line = stream.Documents.Count == 0 ? 1 : YamlValues.LineOf(stream.Documents[1].RootNode);
            values.Error(line, "", stream.Documents.Count == 0 ? "the policy is empty; expected at least school and plan" : $"expected one YAML document, found {stream.Documents.Count}");
            return null;
        }

        return stream.Documents[0].RootNode;
    }
}
