using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Compensation.Rules.Policy.Loading;

/// <summary>
/// Reads YAML text into a <see cref="YamlStream"/>, refusing lists and mappings nested deeper than
/// <see cref="MaxDepth"/>. YamlDotNet builds its nodes recursively, so a 70 KB text of 35,000 <c>[</c> would
/// overflow the stack and end the whole process; a real plan nests five levels at most.
/// </summary>
public static class YamlDocuments
{
    /// <summary>The deepest nesting of lists and mappings a policy may have (docs/policy-format.md, "Limits").</summary>
    public const int MaxDepth = 64;

    /// <summary>The text's documents; a syntax error or nesting past <see cref="MaxDepth"/> throws <see cref="YamlException"/> naming where.</summary>
    public static YamlStream Load(TextReader text) => Load(new Scanner(text));

    internal static YamlStream Load(Scanner scanner)
    {
        var stream = new YamlStream();
        stream.Load(new DepthLimitedParser(new Parser(scanner)));
        return stream;
    }

    private sealed class DepthLimitedParser(IParser inner) : IParser
    {
        private int _depth;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            if (!inner.MoveNext())
            {
                return false;
            }

            switch (inner.Current)
            {
                case SequenceStart or MappingStart:
                    if (++_depth > MaxDepth)
                    {
                        throw new YamlException(inner.Current.Start, inner.Current.End,
                            $"lists and mappings are nested more than {MaxDepth} levels deep here");
                    }

                    break;
                case SequenceEnd or MappingEnd:
                    _depth--;
                    break;
            }

            return true;
        }
    }
}
