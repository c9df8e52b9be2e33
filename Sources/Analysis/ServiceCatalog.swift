/// AWS services and the ways people say (and recognizers spell) them, mapped to one
/// canonical name: "s three", "s3" and "simple storage service" are all S3. The services and
/// their forms are data (Models/lexicon/services.json); this is how they are looked up.
public enum ServiceCatalog {
    /// All canonical names of the standard lexicon, in catalog order.
    public static var canonicalNames: [String] { CompiledCues.standard.services.names }

    /// Forms that are one token ("cloudwatch", "sqs", "lambda"): what a language model can raise
    /// on its own without raising an everyday word that only starts a longer form.
    public static var singleTokenForms: Set<String> { singleTokenForms(in: CompiledCues.standard.services) }

    /// The one-token forms of `lexicon`'s services.
    public static func singleTokenForms(of lexicon: Lexicon) -> Set<String> {
        Set(lexicon.services.services.flatMap(\.forms).filter { !$0.contains(" ") })
    }

    static func singleTokenForms(in index: ServiceIndex) -> Set<String> {
        Set(index.forms.flatMap(\.forms).filter { !$0.contains(" ") })
    }

    /// What a service name becomes in the tokens the cue rules read.
    static let placeholder = "_svc_"

    struct Mention: Hashable {
        var name: String
        var tokenRange: Range<Int>
    }

    /// Finds every service mention, longest spelling first ("s3 glacier" is Glacier, not S3).
    static func mentions(in tokens: [String], _ index: ServiceIndex) -> [Mention] {
        var found: [Mention] = []
        var i = 0
        while i < tokens.count {
            var matched = false
            if let form = index.table.longest(at: i, in: tokens, before: tokens.count) {
                found.append(Mention(name: form.name, tokenRange: i..<i + form.count))
                i += form.count
                matched = true
            }
            // "catalog it with glue", not "glue code": an everyday word names a service only in context.
            if !matched, let bare = index.bare[tokens[i]],
               !(i + 1 < tokens.count && bare.notBefore.contains(tokens[i + 1])), !(i > 0 && bare.notAfter.contains(tokens[i - 1])) {
                found.append(Mention(name: bare.name, tokenRange: i..<i + 1))
                matched = true
                i += 1
            }
            if !matched { i += 1 }
        }
        return found
    }

    /// The canonical name for free text ("dynamo db" -> "DynamoDB"), if it names a service.
    public static func canonicalName(for text: String) -> String? {
        canonicalName(for: text, index: CompiledCues.standard.services)
    }

    static func canonicalName(for text: String, index: ServiceIndex) -> String? {
        let tokens = Tokenizer.tokens(from: Tokenizer.words(fromText: text)).map(\.text)
        guard let m = mentions(in: tokens, index).first, m.tokenRange == 0..<tokens.count else { return nil }
        return m.name
    }
}
