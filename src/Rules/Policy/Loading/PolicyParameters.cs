using System.Collections;
using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Compensation.Rules.Policy.Loading;

/// <summary>
/// A policy with some of its parameters changed, for what-if questions ("and if the fee were 300?"). Each dotted
/// path (<c>fees.term_fee</c>, <c>refunds.absence.min_weeks</c>) names a key of the policy, which is set to
/// the given value: a number, a text, true or false, a list or a map of them, or null to take the key out. Sections
/// on the path that the policy lacks are added. The result is policy text, loaded and checked like any other.
/// </summary>
public static class PolicyParameters
{
    /// <summary>The policy text with the parameters set; <paramref name="field"/> prefixes each path in errors.</summary>
    public static string Apply(string text, IReadOnlyDictionary<string, object?> parameters, string field = "parameters")
    {
        YamlStream stream;
        try
        {
            stream = YamlDocuments.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new InputException([new InputError("", checked((int)ex.Start.Line), "", "the plan to change is not valid YAML: " + ex.Message)]);
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new InputException([new InputError("", 1, "", "the plan to change is not one YAML map")]);
        }

        var errors = new List<InputError>();
        foreach (var (path, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Set(root, path, value, $"{field}.{path}", errors);
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static void Set(YamlMappingNode root, string path, object? value, string field, List<InputError> errors)
    {
        var keys = path.Split('.');
        if (keys.Any(k => k.Length == 0))
        {
            errors.Add(new InputError("", 0, field, "a parameter is a dotted path of the policy's keys, such as fees.term_fee"));
            return;
        }

        var map = root;
        for (var i = 0; i < keys.Length - 1; i++)
        {
            var key = new YamlScalarNode(keys[i]);
            if (!map.Children.TryGetValue(key, out var next))
            {
                if (value is null)
                {
                    return; // nothing there to take out
                }

                next = new YamlMappingNode();
                map.Children[key] = next;
            }

            if (next is not YamlMappingNode section)
            {
                errors.Add(new InputError("", 0, field, $"{string.Join('.', keys[..(i + 1)])} is a value, not a section with keys"));
                return;
            }

            map = section;
        }

        var last = new YamlScalarNode(keys[^1]);
        if (value is null)
        {
            map.Children.Remove(last);
            return;
        }

        if (Node(value) is { } node)
        {
            map.Children[last] = node;
        }
        else
        {
            errors.Add(new InputError("", 0, field, "expected a number, a text, true or false, or a list or map of them"));
        }
    }

    private static YamlNode? Node(object value)
    {
        switch (value)
        {
            case string s:
                return new YamlScalarNode(s) { Style = ScalarStyle.DoubleQuoted };
            case bool b:
                return new YamlScalarNode(b ? "true" : "false");
            case decimal or int or long:
                return new YamlScalarNode(Convert.ToString(value, CultureInfo.InvariantCulture));
            case IReadOnlyDictionary<string, object?> map:
                var mapping = new YamlMappingNode();
                foreach (var (k, v) in map)
                {
                    if (v is null || Node(v) is not { } child)
                    {
                        return null;
                    }

                    mapping.Children[new YamlScalarNode(k)] = child;
                }

                return mapping;
            case IEnumerable list:
                var sequence = new YamlSequenceNode();
                foreach (var item in list)
                {
                    if (item is null || Node(item) is not { } child)
                    {
                        return null;
                    }

                    sequence.Children.Add(child);
                }

                return sequence;
            default:
                return null;
        }
    }
}
