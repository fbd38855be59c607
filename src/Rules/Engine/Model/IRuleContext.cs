using Compensation.Rules.Domain;

namespace Compensation.Rules.Engine.Model;

/// <summary>What a rule's action may do: insert derived facts and look up final facts it declared it reads.</summary>
public interface IRuleContext
{
    /// <summary>Inserts a derived fact. Its id becomes "rule-id:key"; its provenance cites the rule, the clause and the sources.</summary>
    void Insert(DerivedFact fact, string key, IEnumerable<IFact> sources, Bilingual explanation);

    /// <summary>As <see cref="Insert(DerivedFact,string,IEnumerable{IFact},Bilingual)"/>, citing source ids directly.</summary>
    void Insert(DerivedFact fact, string key, IReadOnlyList<string> sourceIds, Bilingual explanation);

    /// <summary>As <see cref="Insert(DerivedFact,string,IEnumerable{IFact},Bilingual)"/>, for a short list of sources written in place (<c>[a, b]</c>).</summary>
    void Insert(DerivedFact fact, string key, ReadOnlySpan<IFact> sources, Bilingual explanation);

    /// <summary>
    /// As <see cref="Insert(DerivedFact,string,IEnumerable{IFact},Bilingual)"/>, with the sentence written only when
    /// someone reads the explanation (the JSON, the explain command, the documents). <paramref name="explain"/> must
    /// write the same words whenever it is called: capture values, not variables a loop goes on changing.
    /// </summary>
    void Insert(DerivedFact fact, string key, IEnumerable<IFact> sources, Func<Bilingual> explain);

    /// <summary>As <see cref="Insert(DerivedFact,string,IEnumerable{IFact},Func{Bilingual})"/>, citing source ids directly.</summary>
    void Insert(DerivedFact fact, string key, IReadOnlyList<string> sourceIds, Func<Bilingual> explain);

    /// <summary>As <see cref="Insert(DerivedFact,string,IEnumerable{IFact},Func{Bilingual})"/>, for a short list of sources written in place.</summary>
    void Insert(DerivedFact fact, string key, ReadOnlySpan<IFact> sources, Func<Bilingual> explain);

    /// <summary>
    /// A hint that the rule is about to insert about <paramref name="count"/> facts of <typeparamref name="T"/> (a type it
    /// declared with Produces), so the session makes room for them at once. Changes nothing else.
    /// </summary>
    void Expect<T>(int count) where T : DerivedFact;

    /// <summary>All facts of a type the rule declared with Reads, in id order.</summary>
    IReadOnlyList<T> All<T>() where T : class, IFact;

    /// <summary>How many facts of a type the rule declared with Reads there are (without putting them in order).</summary>
    int Count<T>() where T : class, IFact;

    /// <summary>
    /// The facts of a type the rule declared with Reads, grouped by a key, each group in id order.
    /// Built once per session and key selector (pass a static lambda), so a rule that fires once per
    /// student can find that student's facts without scanning all of them.
    /// </summary>
    IReadOnlyList<T> Where<T>(Func<T, string> key, string value) where T : class, IFact;
}
