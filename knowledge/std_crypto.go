package knowledge

// stdCrypto: hashes and ciphers propagate. A hash or a ciphertext of an
// e-mail address is still personal data under GDPR
// (README.md#what-carries-user-data; EDPB/Article 29 WP opinion 05/2014 on
// anonymisation techniques), and what is decrypted is what was encrypted.
// Declare a keyed pseudonymisation function as a sanitizer in the policy to
// say otherwise.
var stdCrypto = []Model{
	// Hashes. Writing into a hash.Hash is (io.Writer).Write, which it embeds (std_io.go).
	{Func: "crypto/sha256.Sum256", Flows: "0->r", Source: doc("crypto/sha256#Sum256")},
	{Func: "crypto/sha256.Sum224", Flows: "0->r", Source: doc("crypto/sha256#Sum224")},
	{Func: "crypto/sha1.Sum", Flows: "0->r", Source: doc("crypto/sha1#Sum")},
	{Func: "crypto/sha512.Sum512", Flows: "0->r", Source: doc("crypto/sha512#Sum512")},
	{Func: "crypto/sha512.Sum384", Flows: "0->r", Source: doc("crypto/sha512#Sum384")},
	{Func: "crypto/md5.Sum", Flows: "0->r", Source: doc("crypto/md5#Sum")},
	{Func: "(hash.Hash).Sum", Flows: "0->r; 1->r", Source: doc("hash#Hash.Sum")},
	{Func: "(hash.Hash).Reset", Flows: "", Source: doc("hash#Hash.Reset")},
	{Func: "(hash.Hash).Size", Flows: "", Source: doc("hash#Hash.Size")},
	{Func: "(hash.Hash).BlockSize", Flows: "", Source: doc("hash#Hash.BlockSize")},
	{Func: "crypto/hmac.New", Flows: "", Source: doc("crypto/hmac#New")}, // the key is not the message
	{Func: "crypto/hmac.Equal", Flows: "", Source: doc("crypto/hmac#Equal")},

	// Ciphers: sealing and opening, streams and blocks.
	{Func: "(crypto/cipher.AEAD).Seal", Flows: "1->r; 3->r", Source: doc("crypto/cipher#AEAD.Seal")},
	{Func: "(crypto/cipher.AEAD).Open", Flows: "1->r; 3->1; 3->r", Source: doc("crypto/cipher#AEAD.Open")},
	{Func: "(crypto/cipher.Stream).XORKeyStream", Flows: "2->1", Source: doc("crypto/cipher#Stream.XORKeyStream")},
	{Func: "(crypto/cipher.Block).Encrypt", Flows: "2->1", Source: doc("crypto/cipher#Block.Encrypt")},
	{Func: "(crypto/cipher.Block).Decrypt", Flows: "2->1", Source: doc("crypto/cipher#Block.Decrypt")},
	{Func: "(crypto/cipher.BlockMode).CryptBlocks", Flows: "2->1", Source: doc("crypto/cipher#BlockMode.CryptBlocks")},
	{Func: "(crypto/cipher.StreamReader).Read", Flows: "0->1", Source: doc("crypto/cipher#StreamReader.Read")},
	{Func: "(crypto/cipher.StreamWriter).Write", Flows: "1->0", Source: doc("crypto/cipher#StreamWriter.Write")},
	{Func: "(crypto.Decrypter).Decrypt", Flows: "2->r", Source: doc("crypto#Decrypter.Decrypt")},
	{Func: "(*crypto/rsa.PrivateKey).Decrypt", Flows: "2->r", Source: doc("crypto/rsa#PrivateKey.Decrypt")},
	{Func: "crypto/rsa.DecryptOAEP", Flows: "3->r", Source: doc("crypto/rsa#DecryptOAEP")},
	{Func: "crypto/rsa.DecryptPKCS1v15", Flows: "2->r", Source: doc("crypto/rsa#DecryptPKCS1v15")},
	{Func: "crypto/rsa.EncryptOAEP", Flows: "3->r", Source: doc("crypto/rsa#EncryptOAEP")},
	{Func: "crypto/rsa.EncryptPKCS1v15", Flows: "2->r", Source: doc("crypto/rsa#EncryptPKCS1v15")},
	{Func: "crypto/x509.DecryptPEMBlock", Flows: "0->r", Source: doc("crypto/x509#DecryptPEMBlock")},

	// TLS: a TLS connection over a connection is that connection (r~0; its
	// endpoint is remembered, creators.go).
	{Func: "crypto/tls.Client", Flows: "0->r", Alias: "r~0", Source: doc("crypto/tls#Client")},
	{Func: "crypto/tls.Server", Flows: "0->r", Alias: "r~0", Source: doc("crypto/tls#Server")},
	{Func: "crypto/tls.NewListener", Flows: "0->r", Source: doc("crypto/tls#NewListener")},
	{Func: "(*crypto/tls.Conn).Write", Flows: "1->0", Source: doc("crypto/tls#Conn.Write")},
	{Func: "(*crypto/tls.Conn).Read", Flows: "0->1", Source: doc("crypto/tls#Conn.Read")},

	// Randomness holds no user data.
	{Func: "crypto/rand.*", Flows: "", Source: doc("crypto/rand")},
}
