import SpeechCore
import CPocketSphinx
import Foundation

/// Owns one sphinxbase language model set: a domain model and a general model interpolated
/// word by word (`ngram_model_set_init` with weights), so the decoder sees one model.
/// The set owns the two models it was built from. The decoder builds one; so does
/// `rehearse-lm --static-mix`, which reads the same mix outside a decoder (`SphinxMixScorer`).
package final class InterpolatedLanguageModel {
    package let handle: OpaquePointer

    /// `config`: the decoder's configuration, or nil outside a decoder.
    package init(domain: String, general: String, domainWeight: Double, config: OpaquePointer?,
                 logmath: OpaquePointer) throws(SpeechError) {
        func read(_ path: String) throws(SpeechError) -> OpaquePointer {
            // The model takes a reference to the log-math table; the decoder keeps its own.
            guard let model = ngram_model_read(config, path, NGRAM_AUTO, logmath_retain(logmath)) else {
                throw .languageModelFailed(path: path, function: "ngram_model_read")
            }
            return model
        }
        let domainModel = try read(domain)
        let generalModel: OpaquePointer
        do { generalModel = try read(general) } catch { ngram_model_free(domainModel); throw error }

        var models: [OpaquePointer?] = [domainModel, generalModel]
        var names: [UnsafeMutablePointer<CChar>?] = [strdup("domain"), strdup("general")]
        defer { names.forEach { free($0) } }
        var weights: [Float] = [Float(domainWeight), Float(1 - domainWeight)]
        let set = models.withUnsafeMutableBufferPointer { m in
            names.withUnsafeMutableBufferPointer { n in
                ngram_model_set_init(config, m.baseAddress, n.baseAddress, &weights, 2)
            }
        }
        guard let set else {
            ngram_model_free(domainModel)
            ngram_model_free(generalModel)
            throw .languageModelFailed(path: domain, function: "ngram_model_set_init")
        }
        handle = set
        self.domainModel = domainModel
        self.generalModel = generalModel
    }

    /// The two models inside the set (the set holds the references).
    package let domainModel: OpaquePointer
    package let generalModel: OpaquePointer

    deinit { ngram_model_free(handle) }
}
