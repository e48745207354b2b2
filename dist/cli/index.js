#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 7349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveBlockMap = __nccwpck_require__(7103);
var resolveBlockSeq = __nccwpck_require__(334);
var resolveFlowCollection = __nccwpck_require__(3142);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 3683:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(3021);
var composeNode = __nccwpck_require__(5937);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 5937:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var composeCollection = __nccwpck_require__(7349);
var composeScalar = __nccwpck_require__(5413);
var resolveEnd = __nccwpck_require__(7788);
var utilEmptyScalarPosition = __nccwpck_require__(2599);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 9984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(1342);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var identity = __nccwpck_require__(1127);
var composeDoc = __nccwpck_require__(3683);
var resolveEnd = __nccwpck_require__(7788);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 7103:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilFlowIndentCheck = __nccwpck_require__(4051);
var utilMapIncludes = __nccwpck_require__(1187);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 8913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 334:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(2223);
var resolveProps = __nccwpck_require__(4631);
var utilFlowIndentCheck = __nccwpck_require__(4051);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 7788:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 3142:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilMapIncludes = __nccwpck_require__(1187);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 6842:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var resolveEnd = __nccwpck_require__(7788);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 4631:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 9499:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 2599:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 4051:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(9499);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 1187:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var toJS = __nccwpck_require__(4043);
var Schema = __nccwpck_require__(5840);
var stringifyDocument = __nccwpck_require__(6829);
var anchors = __nccwpck_require__(1596);
var applyReviver = __nccwpck_require__(3661);
var createNode = __nccwpck_require__(2404);
var directives = __nccwpck_require__(1342);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 1596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 3661:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 2404:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 1342:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 1464:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 8815:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var Schema = __nccwpck_require__(5840);
var errors = __nccwpck_require__(1464);
var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);
var publicApi = __nccwpck_require__(4047);
var visit = __nccwpck_require__(204);



__webpack_unused_export__ = composer.Composer;
__webpack_unused_export__ = Document.Document;
__webpack_unused_export__ = Schema.Schema;
__webpack_unused_export__ = errors.YAMLError;
__webpack_unused_export__ = errors.YAMLParseError;
__webpack_unused_export__ = errors.YAMLWarning;
__webpack_unused_export__ = Alias.Alias;
exports.Vj = identity.isAlias;
exports.P3 = identity.isCollection;
__webpack_unused_export__ = identity.isDocument;
exports.jh = identity.isMap;
__webpack_unused_export__ = identity.isNode;
__webpack_unused_export__ = identity.isPair;
exports.jn = identity.isScalar;
exports.oP = identity.isSeq;
__webpack_unused_export__ = Pair.Pair;
__webpack_unused_export__ = Scalar.Scalar;
__webpack_unused_export__ = YAMLMap.YAMLMap;
__webpack_unused_export__ = YAMLSeq.YAMLSeq;
__webpack_unused_export__ = cst;
__webpack_unused_export__ = lexer.Lexer;
exports.HN = lineCounter.LineCounter;
__webpack_unused_export__ = parser.Parser;
__webpack_unused_export__ = publicApi.parse;
exports.hR = publicApi.parseAllDocuments;
exports.Tp = publicApi.parseDocument;
__webpack_unused_export__ = publicApi.stringify;
__webpack_unused_export__ = visit.visit;
__webpack_unused_export__ = visit.visitAsync;


/***/ }),

/***/ 7249:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 4065:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var visit = __nccwpck_require__(204);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 101:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 6673:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(3661);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 7165:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyPair = __nccwpck_require__(9748);
var addPairToJSMap = __nccwpck_require__(7104);
var identity = __nccwpck_require__(1127);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 3301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 4454:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(1212);
var addPairToJSMap = __nccwpck_require__(7104);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 2223:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyCollection = __nccwpck_require__(1212);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var toJS = __nccwpck_require__(4043);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 7104:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(7249);
var merge = __nccwpck_require__(452);
var stringify = __nccwpck_require__(2148);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 1127:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 4043:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 110:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);
var errors = __nccwpck_require__(1464);
var stringifyString = __nccwpck_require__(3069);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 1733:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 7715:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3461:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(110);
var cstStringify = __nccwpck_require__(1733);
var cstVisit = __nccwpck_require__(7715);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 361:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(3461);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 6628:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 4047:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var log = __nccwpck_require__(7249);
var identity = __nccwpck_require__(1127);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 5840:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var tags = __nccwpck_require__(18);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 7451:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLMap = __nccwpck_require__(4454);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 3632:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 1706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLSeq = __nccwpck_require__(2223);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 6464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(3069);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 3959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 8405:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 9874:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 896:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 3559:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 18:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);
var schema = __nccwpck_require__(896);
var schema$1 = __nccwpck_require__(3559);
var binary = __nccwpck_require__(6083);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var schema$2 = __nccwpck_require__(5913);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 6083:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(181);
var Scalar = __nccwpck_require__(3301);
var stringifyString = __nccwpck_require__(3069);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 8398:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 5782:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 873:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 452:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 303:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var pairs = __nccwpck_require__(8385);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 8385:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLSeq = __nccwpck_require__(2223);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 5913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var binary = __nccwpck_require__(6083);
var bool = __nccwpck_require__(8398);
var float = __nccwpck_require__(5782);
var int = __nccwpck_require__(873);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 1528:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 6752:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 4475:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var identity = __nccwpck_require__(1127);
var stringifyComment = __nccwpck_require__(9799);
var stringifyString = __nccwpck_require__(3069);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 1212:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 9799:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 8689:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 9748:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 3069:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var foldFlowLines = __nccwpck_require__(4475);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 204:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/config.ts
const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;
function defaultConfig() {
    return {
        include: ['**/*'],
        exclude: [],
        rules: {},
        clusters: [],
        roles: [],
        helm: { releases: [] },
        maxFileBytes: DEFAULT_MAX_FILE_BYTES,
    };
}
/** A wrong config or input: the adapters print its message on one line and exit 2. */
class ConfigError extends Error {
    name = 'ConfigError';
}

;// CONCATENATED MODULE: ./src/discover/classify.ts
const YAML_NAME = /\.ya?ml$/i;
const JSON_NAME = /\.json$/i;
const TERRAFORM_NAME = /\.tf$/i;
const TERRAFORM_VARS_NAME = /\.tfvars(\.json)?$/i;
const SCRIPT_NAME = /(^|\/)(Makefile|makefile|GNUmakefile)$|\.(sh|bash|mk)$/;
const WORKFLOW_PATH = /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i;
/** A Helm chart's `templates/` (or `templates/<sub>/`) directory. */
const HELM_TEMPLATE_PATH = /(^|\/)templates\/(.+\/)?[^/]+\.ya?ml$/i;
/** Lock files and the like: JSON by name, never IRSA-relevant, often large. */
const NEVER_RELEVANT_NAME = /(^|\/)(package-lock|npm-shrinkwrap|composer|yarn|pnpm-lock|bun)\.(json|lock)$|\.tf\.json$|\.min\.json$/i;
const KUBERNETES_API_VERSION = /(^|[\s{,"'])apiVersion["']?[ \t]*:/m;
const KUBERNETES_KIND = /(^|[\s{,"'])kind["']?[ \t]*:/m;
/**
 * Whether a path may hold something irsa-guard reads, by its name alone. Discovery stats and
 * reads only these files; everything else is skipped without a word.
 */
function looksRelevantByName(path) {
    if (NEVER_RELEVANT_NAME.test(path))
        return false;
    return YAML_NAME.test(path) || JSON_NAME.test(path) || TERRAFORM_NAME.test(path) || TERRAFORM_VARS_NAME.test(path) || SCRIPT_NAME.test(path);
}
/** Classifies a file by its name and a cheap sniff of its text (no parsing). */
function classify(path, text) {
    if (!looksRelevantByName(path))
        return 'ignored';
    if (TERRAFORM_NAME.test(path))
        return 'terraform';
    if (TERRAFORM_VARS_NAME.test(path))
        return 'terraform-vars';
    if (SCRIPT_NAME.test(path) || WORKFLOW_PATH.test(path))
        return text.includes('create-role') ? 'script' : 'ignored';
    if (JSON_NAME.test(path))
        return classifyJson(text);
    if (YAML_NAME.test(path)) {
        if (HELM_TEMPLATE_PATH.test(path) && text.includes('{{'))
            return 'helm-template';
        return looksLikeKubernetes(text) ? 'kubernetes' : 'ignored';
    }
    return 'ignored';
}
function classifyJson(text) {
    if (text.includes('"format_version"') && (text.includes('"planned_values"') || text.includes('"resource_changes"')))
        return 'terraform-plan';
    if (text.includes('"Statement"') || text.includes('"AssumeRolePolicyDocument"'))
        return 'iam-json';
    if (text.includes('"apiVersion"') && text.includes('"kind"'))
        return 'kubernetes';
    return 'ignored';
}
/** Both `apiVersion:` and `kind:` appear as keys somewhere. */
function looksLikeKubernetes(text) {
    return text.includes('apiVersion') && text.includes('kind') && KUBERNETES_API_VERSION.test(text) && KUBERNETES_KIND.test(text);
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
var external_node_fs_namespaceObject_0 = /*#__PURE__*/__nccwpck_require__.t(external_node_fs_namespaceObject, 2);
;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: external "node:diagnostics_channel"
const external_node_diagnostics_channel_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");
;// CONCATENATED MODULE: external "fs"
const external_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");
;// CONCATENATED MODULE: external "node:events"
const external_node_events_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");
;// CONCATENATED MODULE: external "node:stream"
const external_node_stream_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");
;// CONCATENATED MODULE: external "node:string_decoder"
const external_node_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");
;// CONCATENATED MODULE: ./node_modules/glob/dist/esm/index.min.js
var re=(r,t,e)=>{let s=r instanceof RegExp?We(r,e):r,i=t instanceof RegExp?We(t,e):t,n=s!==null&&i!=null&&js(s,i,e);return n&&{start:n[0],end:n[1],pre:e.slice(0,n[0]),body:e.slice(n[0]+s.length,n[1]),post:e.slice(n[1]+i.length)}},We=(r,t)=>{let e=t.match(r);return e?e[0]:null},js=(r,t,e)=>{let s,i,n,o,h,a=e.indexOf(r),l=e.indexOf(t,a+1),c=a;if(a>=0&&l>0){if(r===t)return[a,l];for(s=[],n=e.length;c>=0&&!h;){if(c===a)s.push(c),a=e.indexOf(r,c+1);else if(s.length===1){let f=s.pop();f!==void 0&&(h=[f,l])}else i=s.pop(),i!==void 0&&i<n&&(n=i,o=l),l=e.indexOf(t,c+1);c=a<l&&a>=0?a:l}s.length&&o!==void 0&&(h=[n,o])}return h};var $e="\0SLASH"+Math.random()+"\0",Ie="\0OPEN"+Math.random()+"\0",le="\0CLOSE"+Math.random()+"\0",Be="\0COMMA"+Math.random()+"\0",Ue="\0PERIOD"+Math.random()+"\0",Ws=new RegExp($e,"g"),$s=new RegExp(Ie,"g"),Is=new RegExp(le,"g"),Bs=new RegExp(Be,"g"),Us=new RegExp(Ue,"g"),Gs=/\\\\/g,Hs=/\\{/g,qs=/\\}/g,Ks=/\\,/g,Xs=/\\\./g,Vs=1e5,Ys=4e6,Js=1e3,Zs=1e3;function oe(r){return isNaN(r)?r.charCodeAt(0):parseInt(r,10)}function Qs(r){return r.replace(Gs,$e).replace(Hs,Ie).replace(qs,le).replace(Ks,Be).replace(Xs,Ue)}function ti(r){return r.replace(Ws,"\\").replace($s,"{").replace(Is,"}").replace(Bs,",").replace(Us,".")}function he(r,t){for(let e=0;e<t.length;e++)r.push(t[e])}function ei(r){let t=[],e="";for(;;){let s=re("{","}",r);if(!s){let a=r.split(",");return a[0]=e+a[0],he(t,a),t}let{pre:i,body:n,post:o}=s,h=i.split(",");if(h[0]=e+h[0],h[h.length-1]+="{"+n+"}",!o.length)return he(t,h),t;e=h.pop(),he(t,h),r=o}}function Ge(r,t={}){if(!r)return[];let{max:e=Vs,maxLength:s=Ys,maxDepth:i=Js,maxRewrites:n=Zs}=t;return r.slice(0,2)==="{}"&&(r="\\{\\}"+r.slice(2)),ae(Qs(r),e,s,i,0,n,!0).map(ti)}function si(r){return"{"+r+"}"}function ii(r){return/^-?0\d/.test(r)}function ni(r,t){return r<=t}function ri(r,t){return r>=t}function ct(r,t,e,s,i,n){let o=[],h=0;for(let a=0;a<r.length;a++)for(let l=0;l<e.length;l++){if(o.length>=s)return o;let c=r[a]+t+e[l];if(!(n&&!c)){if(h+c.length>i)return o;o.push(c),h+=c.length}}return o}function oi(r,t,e,s){let i=r.split(/\.\./),n=[];if(i[0]===void 0||i[1]===void 0)return n;let o=oe(i[0]),h=oe(i[1]),a=Math.max(i[0].length,i[1].length),l=i.length===3&&i[2]!==void 0?Math.max(Math.abs(oe(i[2])),1):1,c=ni;h<o&&(l*=-1,c=ri);let u=i.some(ii),p=0;for(let g=o;c(g,h)&&n.length<e;g+=l){let d;if(t)d=String.fromCharCode(g),d==="\\"&&(d="");else if(d=String(g),u){let w=a-d.length;if(w>0){let m=new Array(w+1).join("0");g<0?d="-"+m+d.slice(1):d=m+d}}if(p+d.length>s)break;n.push(d),p+=d.length}return n}function ae(r,t,e,s,i,n,o){if(i>s)return[r];let h=[""],a=0,l=!1,c=!0;for(;;){let f=re("{","}",r);if(!f)return ct(h,r,[""],t,e,l);let u=f.pre;if(/\$$/.test(u)){if(h=ct(h,u+"{"+f.body+"}",[""],t,e,l&&!f.post.length),c=!1,!f.post.length)break;r=f.post;continue}let p=/^-?\d+\.\.-?\d+(?:\.\.-?\d+)?$/.test(f.body),g=/^[a-zA-Z]\.\.[a-zA-Z](?:\.\.-?\d+)?$/.test(f.body),d=p||g,w=f.body.indexOf(",")>=0;if(!d&&!w){if(a<n&&f.post.match(/,(?!,).*\}/)){a++,r=f.pre+"{"+f.body+le+f.post,o=!0;continue}return ct(h,u+"{"+f.body+"}"+f.post,[""],t,e,l)}c&&(l=o&&!d,c=!1);let m;if(d)m=oi(f.body,g,t,e);else{let b=ei(f.body);if(b.length===1&&b[0]!==void 0&&(b=ae(b[0],t,e,s,i+1,n,!1).map(si),b.length===1)){if(h=ct(h,u+b[0],[""],t,e,l&&!f.post.length),!f.post.length)break;r=f.post;continue}let x=l&&!f.post.length&&!u;for(let y=0;x&&y<h.length;y++)h[y]&&(x=!1);m=[];let S=0;t:for(let y=0;y<b.length;y++){let q=ae(b[y],t,e,s,i+1,n,!1);for(let W=0;W<q.length;W++){let B=q[W];if(!(x&&!B)){if(m.length>=t||S+B.length>e)break t;m.push(B),S+=B.length}}}}if(h=ct(h,u,m,t,e,l&&!f.post.length),!f.post.length)break;r=f.post}return h}var fe=(r,t)=>r===t?{t:"lit",ch:String(r)}:{t:"class",re:new RegExp(`^[${r}-${t}]$`)},ce=(r,t)=>t.map(e=>[fe(r,r),...e]),ft=(r,t)=>{if(!r)return[[]];let e=+r[0],s=+t[0],i=r.slice(1),n=t.slice(1);if(e===s)return ce(e,ft(i,n));let o="0".repeat(i.length),h="9".repeat(i.length),a=[];i!==o&&a.push(...ce(e++,ft(i,h)));let l=n===h?[]:ce(s--,ft(o,n));return e<=s&&a.push([fe(e,s),...Array.from(i,()=>fe(0,9))]),a.push(...l),a},He=(r,t,e)=>{if(e)return ft(String(r).padStart(e,"0"),String(t).padStart(e,"0"));let s=[];for(let i=String(r).length;i<=String(t).length;i++){let n=Math.max(r,i===1?0:10**(i-1)),o=Math.min(t,10**i-1);s.push(...ft(String(n),String(o)))}return s},qe=(r,t)=>{let e=Number(r),s=Number(t);if(!Number.isSafeInteger(e)||!Number.isSafeInteger(s))return;e>s&&([e,s]=[s,e]);let n=/^-?0\d/.test(r)||/^-?0\d/.test(t)?Math.max(r.length,t.length):0,o=[];if(e<0){let h=He(Math.max(-s,1),-e,n&&n-1);o.push(...h.map(a=>[{t:"lit",ch:"-"},...a]))}return s>=0&&o.push(...He(Math.max(e,0),s,n)),o};var hi={"[:alnum:]":["\\p{L}\\p{Nl}\\p{Nd}"],"[:alpha:]":["\\p{L}\\p{Nl}"],"[:ascii:]":["\\x00-\\x7f"],"[:blank:]":["\\p{Zs}\\t"],"[:cntrl:]":["\\p{Cc}"],"[:digit:]":["\\p{Nd}"],"[:graph:]":["\\p{Z}\\p{C}",!0],"[:lower:]":["\\p{Ll}"],"[:print:]":["\\p{C}",!0],"[:punct:]":["\\p{P}\\p{S}"],"[:space:]":["\\p{Z}\\t\\r\\n\\v\\f"],"[:upper:]":["\\p{Lu}"],"[:word:]":["\\p{L}\\p{Nl}\\p{Nd}\\p{Pc}"],"[:xdigit:]":["A-Fa-f0-9"]},ut=r=>r.replace(/[[\]\\-]/g,"\\$&"),ue=/$./,Ke=(r,t,e=!1,s)=>{let i=m=>{let b=s?m.normalize(s):m;return[...b].length===1?b:m},n=t;if(r.charAt(n)!=="[")throw new Error("not in a brace expression");let o=[],h=[],a=n+1,l=!1,c=!1,f=!1,u=n,p="";t:for(;a<r.length;){let m=String.fromCodePoint(r.codePointAt(a));if((m==="!"||m==="^")&&a===n+1){f=!0,a++;continue}if(m==="]"&&l&&!c){u=a+1;break}if(l=!0,m==="\\"&&!c){c=!0,a++;continue}if(m==="["&&!c){for(let[x,[S,y]]of Object.entries(hi))if(r.startsWith(x,a)){if(p)return[ue,r.length-n];a+=x.length,y?h.push(S):o.push(S);continue t}}c=!1;let b=i(m);if(p){b.codePointAt(0)>p.codePointAt(0)?o.push(ut(p)+"-"+ut(b)):b===p&&o.push(ut(b)),p="",a+=m.length;continue}if(r.startsWith("-]",a+m.length)){o.push(ut(b+"-")),a+=m.length+1;continue}if(r.startsWith("-",a+m.length)){p=b,a+=m.length+1;continue}o.push(ut(b)),a+=m.length}if(u<a)return[ue,0];if(!o.length&&!h.length)return[ue,r.length-n];let g="["+(f?"^":"")+o.join("")+"]",d="["+(f?"":"^")+h.join("")+"]",w="^"+(o.length&&h.length?"("+g+"|"+d+")":o.length?g:d);return[new RegExp(w,e?"iu":"u"),u-n]};var de={t:"match",id:0},ai="!?+*@",Z=r=>({t:"lit",ch:r}),li=r=>r.replace(/[\\^$.*+?()[\]{}|/]/g,"\\$&"),Je=r=>new RegExp(`^${li(r)}$`,"iu"),Dt=new Map,Ze=r=>{let t=Dt.get(r);return t||(t=Je(r),Dt.size>=1e3&&Dt.clear(),Dt.set(r,t)),t},ge=(r,t)=>{if(t===r.ch)return!0;if(!r.re)return!1;let e=t.charCodeAt(0);if(e>=128)return r.re.test(t);let s=r.ascii??=new Uint8Array(128);return s[e]||=r.re.test(t)?1:2,s[e]===1},ci=(r,t,e,s,i)=>{let n=[];for(let o=0;o<r.length;){let h=String.fromCodePoint(r.codePointAt(o));if(i){let a=h==="\\"&&r.startsWith(i,o+1)?1:0;if(a||h===i){let l=o+a+i.length,c=r.indexOf(i,l),f=/^(-?\d+)\.\.(-?\d+)$/.exec(r.slice(l,c)),u=c!==-1&&f&&qe(f[1],f[2]);if(u){n.push({t:"ext",type:"@",alts:u}),o=c+i.length;continue}}}if(h==="\\"){let a=r.codePointAt(o+1),l=a===void 0?h:String.fromCodePoint(a);n.push(Z(l)),o+=1+l.length;continue}if(h==="["){let[a,l]=Ke(r,o,t,s);if(l){n.push({t:"class",re:a}),o+=l;continue}}if(!e&&ai.includes(h)&&r[o+1]==="("){n.push({t:"open",type:h}),o+=2;continue}n.push(!e&&h==="|"?{t:"bar"}:!e&&h===")"?{t:"close"}:h==="*"?{t:"star"}:h==="?"?{t:"any"}:Z(h)),o+=h.length}return n},fi=r=>{let t=new Map,e=[];return r.forEach((s,i)=>{s.t==="open"?e.push(i):s.t==="close"&&e.length&&t.set(e.pop(),i)}),t},Qe=(r,t,e,s,i)=>{let n=[],o=[n];for(let h=e;h<s;h++){let a=r[h],l=t.get(h);if(a.t==="open"&&l!==void 0){let c=Qe(r,t,h+1,l,!1);n.push({t:"ext",type:a.type,alts:c}),h=l}else a.t==="bar"&&!i?o.push(n=[]):a.t==="open"?n.push(Z(a.type),Z("(")):a.t==="bar"?n.push(Z("|")):a.t==="close"?n.push(Z(")")):n.push(a)}return o},ts=(r,t)=>{let e=[],s="",i=()=>{for(let n of s.normalize(t))e.push(Z(n));s=""};for(let n of r){if(n.t==="lit"){s+=n.ch;continue}i(),e.push(n.t==="ext"?{...n,alts:n.alts.map(o=>ts(o,t))}:n)}return i(),e},ui=(r,t)=>{let e=1,s=h=>({t:"split",id:e++,out:h}),i=(h,a)=>h.reduceRight((l,c)=>n(c,l),a),n=(h,a)=>{switch(h.t){case"lit":let u=t?Ze(h.ch):void 0;return{t:"lit",id:e++,ch:h.ch,re:u,next:a};case"any":case"star":return{t:h.t,id:e++,next:a};case"class":return{t:"class",id:e++,re:h.re,next:a}}let l=u=>h.alts.map(p=>i(p,u));switch(h.type){case"@":return s(l(a));case"?":return s([a,...l(a)]);case"!":return{t:"neg",id:e++,sub:s(l(de)),next:a}}let c=s([]),f=s(l(c));return c.out.push(a,f),h.type==="*"?c:f};return[i(r,de),e]},di=r=>{let t=[],e=new Set,s=n=>n.t==="match"?"match":String(n.id),i=(n,o)=>{if(n.t==="match"||e.has(n))return;e.add(n);let h=a=>t.push(`${o}${n.id}: ${a}`);switch(n.t){case"split":h(`split -> ${n.out.map(s).join(", ")}`);for(let a of n.out)i(a,o);return;case"neg":return h(`!(${s(n.sub)}) -> ${s(n.next)}`),i(n.sub,o+"  "),i(n.next,o);case"lit":h(`${JSON.stringify(n.ch)} -> ${s(n.next)}`);break;case"class":h(`${n.re} -> ${s(n.next)}`);break;default:h(`${n.t==="any"?"?":"*"} -> ${s(n.next)}`)}i(n.next,o)};return i(r,""),[`start -> ${s(r)}`,...t].join(`
`)},pe=class{gen;threads=[];match=!1;runs=[];ids=[];constructor(t){this.gen=t}get dead(){return!this.threads.length&&!this.match&&!this.runs.length}},es=(r,t)=>r.ids.length!==t.ids.length||r.runs.length!==t.runs.length||r.ids.some((e,s)=>e!==t.ids[s])?!1:r.runs.every(e=>t.runs.some(s=>s.neg===e.neg&&es(s.state,e.state))),Xe=r=>({has:new Float64Array(r),seen:new Float64Array(r),gen:0}),dt=class{dots;dotStart;#t;constructor(t,e,s){this.dots=t,this.dotStart=e,this.#t=s}state(){return new pe(++this.#t.gen)}done(t){return t.ids=t.threads.map(e=>e.id).sort((e,s)=>e-s),t.match&&t.ids.unshift(de.id),t}#n(t,e){let{seen:s}=this.#t;return s[e.id]===t.gen?!1:(s[e.id]=t.gen,!0)}#i(t,e){let{has:s}=this.#t;return s[e.id]===t.gen?!1:(s[e.id]=t.gen,t.threads.push(e),!0)}restricted(t,e){return e&&(this.dots||this.dotStart&&t===0)}add(t,e,s,i){switch(e.t){case"split":if(!this.#n(t,e))return;for(let o of e.out)this.add(t,o,s,i);return;case"neg":if(!this.#n(t,e))return;let n=this.state();return this.add(n,e.sub,s,!1),this.done(n),this.addRun(t,{t:"run",neg:e,state:n},s,i);case"star":if(this.restricted(s,i))return;this.#i(t,e)&&this.add(t,e.next,s,i);return;case"match":t.match=!0;return;default:this.#i(t,e)}}addRun(t,e,s,i){for(let n of t.runs)if(n.neg===e.neg&&es(n.state,e.state))return;t.runs.push(e),e.state.match||this.add(t,e.neg.next,s,i)}step(t,e,s,i){let n=this.state();for(let o of t.threads)switch(o.t){case"lit":ge(o,e)&&this.add(n,o.next,s+1,i);break;case"any":this.restricted(s,i)||this.add(n,o.next,s+1,i);break;case"class":!this.restricted(s,i)&&o.re.test(e)&&this.add(n,o.next,s+1,i);break;case"star":this.restricted(s,i)||this.add(n,o,s+1,i)}if(!this.restricted(s,i))for(let o of t.runs){if(o.state.dead){this.addRun(n,o,s+1,i);continue}let h=this.step(o.state,e,s,!1);this.addRun(n,{t:"run",neg:o.neg,state:h},s+1,i)}return this.done(n)}},ss=r=>{let t=r.ids.join();if(!r.runs.length)return t;let e=r.runs.map(s=>`${s.neg.id}(${ss(s.state)})`);return`${t}|${e.sort().join("|")}`},pi=1<<18,me=class{#t;#n=new Map;#i=0;#o;#r;#d;#u;constructor(t,e){this.#t=t,this.#d=new dt(!1,!1,e),this.#u=new dt(!1,!0,e)}#f(t){return{state:t,match:t.match,dead:t.dead,next:new Map}}#h(t){let e=ss(t),s=this.#n.get(e);if(s)return s;this.#i>pi&&this.#m();let i=this.#f(t);return this.#n.set(e,i),this.#i+=e.length+1,i}#m(){this.#n.clear(),this.#i=0,this.#o=void 0,this.#r=void 0}start(t){if(t){if(this.#r)return this.#r;let s=this.#u.state();return this.#u.add(s,this.#t,0,!0),this.#r=this.#f(this.#u.done(s))}if(this.#o)return this.#o;let e=this.#d.state();return this.#d.add(e,this.#t,0,!0),this.#o=this.#h(this.#d.done(e))}next(t,e){let s=e.charCodeAt(0),i=s<128?void 0:t.next.get(e);if(i)return i;let n=t===this.#r?this.#h(this.#u.step(t.state,e,0,!0)):this.#h(this.#d.step(t.state,e,1,!0));return s<128?(t.ascii||(t.ascii=new Array(128),this.#i+=128),t.ascii[s]=n):t.next.set(e,n),this.#i++,n}},mi=r=>{let t=[];for(let e=r;e.t!=="match";e=e.next){if(e.t==="split"||e.t==="neg")return;t.push(e)}return t},gi=(r,t,e,s)=>{let i=0,n=e,o=-1,h=0;for(;n<s;){let a=r[i];if(a?.t==="star"){o=i++,h=n;continue}let l=t[n];if(a&&(a.t==="any"||a.t==="lit"&&ge(a,l)||a.t==="class"&&a.re.test(l))){i++,n++;continue}if(o===-1)return!1;i=o+1,n=++h}for(;r[i]?.t==="star";)i++;return i===r.length},is=r=>{let t=0,e=0;for(let s of r){let[i,n]=wi(s);t+=i,e+=n}return[t,e]},wi=r=>{if(r.t==="star")return[0,1/0];if(r.t!=="ext")return[1,1];if(r.type==="!")return[0,1/0];let t=r.alts.map(is),e=Math.min(...t.map(n=>n[0])),s=Math.max(...t.map(n=>n[1])),i=s===0?0:1/0;return r.type==="@"?[e,s]:r.type==="?"?[0,s]:r.type==="*"?[0,i]:[e,i]},Ve=(r,t,e)=>{for(let s=0;s<r.length;s++)if(!ge(r[s],t[e+s]))return!1;return!0},bi=/[/\ud800-\udfff]/,yi=/[\ud800-\udfff]/,Nt=r=>yi.test(r)?[...r]:r,Ye=r=>{if(r.includes("/"))throw new Error("can only match a single path portion, got: "+r)},pt=class{pattern;options;#t;#n;#i;#o;#r;#d=!1;#u;#f;#h=!1;#m=0;#l=1/0;#a=[];#s=[];#b;#E;#y=!1;#g;#w;constructor(t,e={}){if(t.includes("/"))throw new Error("can only match a single path portion, got pattern: "+t);this.pattern=t,this.options=e;let{nocase:s=!1,noext:i=!1,normalize:n}=e;this.#w=n===!0?"NFC":n||void 0;let o=/^[?*+@]\(\)$/.test(t),h=ci(t,s,i||o,this.#w,e.rangeMark),[a]=Qe(h,fi(h),0,h.length,!0);this.#w&&(a=ts(a,this.#w));let[l,c]=ui(a,s);if(this.#t=l,this.#n=c,a.every(f=>f.t==="lit"))this.#r=a.map(f=>f.ch).join(""),this.#d=s;else{let f=g=>g.t!=="lit"?void 0:s?{ch:g.ch,re:Ze(g.ch)}:{ch:g.ch};for(let g of a){let d=f(g);if(!d)break;this.#a.push(d)}for(let g=a.length-1;g>=0;g--){let d=f(a[g]);if(!d)break;this.#s.unshift(d)}this.#y=!!(this.#a.length||this.#s.length),s||(this.#b=this.#a.map(g=>g.ch).join(""),this.#E=this.#s.map(g=>g.ch).join("")),this.#f=mi(this.#t)?.slice(this.#a.length,-this.#s.length||void 0),this.#h=!!this.#f?.every(g=>g.t==="star"||g.t==="any");let[u,p]=is(a);this.#m=u,this.#l=p}}test(t){return this.#w?(Ye(t),this.#p(t.normalize(this.#w))):bi.test(t)?(Ye(t),this.#p(t,[...t])):this.#p(t,t)}testUnchecked(t){return this.#p(this.#w?t.normalize(this.#w):t)}#p(t,e){if(this.#r!==void 0)return this.#d?(this.#u??=Je(this.#r)).test(t):t===this.#r;let s=this.#m,i=this.#l;if(e===void 0){let c=t.length,f=c+1>>1;if(c<s||f>i)return!1;(f<s||c>i)&&(e=Nt(t))}if(e!==void 0&&(e.length<s||e.length>i))return!1;let n=this.#a.length;if(this.#y)if(this.#b!==void 0&&this.#E!==void 0){if(!t.startsWith(this.#b)||!t.endsWith(this.#E))return!1}else{e??=Nt(t);let c=e.length-this.#s.length;if(!Ve(this.#a,e,0)||!Ve(this.#s,e,c))return!1}let o=!this.options.dot&&t.startsWith(".");if(this.#f){if(t==="."||t===".."||o&&!n)return!1;if(this.#h)return!0;e??=Nt(t);let c=e.length-this.#s.length;return gi(this.#f,e,n,c)}if(e??=Nt(t),t==="."||t===".."){this.#i??=Xe(this.#n);let c=this.#o??=new dt(!0,!1,this.#i),f=c.state();c.add(f,this.#t,0,!0);let u=c.done(f);for(let p=0;p<e.length;p++)u=c.step(u,e[p],p,!0);return u.match}this.#i??=Xe(this.#n);let h=this.#g??=new me(this.#t,this.#i),a=h.start(o),l=e===t;for(let c=0;c<e.length;c++){if(a.dead)return!1;let f=l?t.charCodeAt(c):e[c].charCodeAt(0);a=a.ascii?.[f]??h.next(a,e[c])}return a.match}toString(){return di(this.#t)}};var mt=r=>{if(typeof r!="string")throw new TypeError("invalid pattern");if(r.length>65536)throw new TypeError("pattern is too long")};var K=(r,{windowsPathsNoEscape:t=!1,magicalBraces:e=!1}={})=>e?t?r.replace(/[?*()[\]{}]/g,"[$&]"):r.replace(/[?*()[\]\\{}]/g,"\\$&"):t?r.replace(/[?*()[\]]/g,"[$&]"):r.replace(/[?*()[\]\\]/g,"\\$&");var st=(r,{windowsPathsNoEscape:t=!1,magicalBraces:e=!0}={})=>e?t?r.replace(/\[([^/\\])\]/g,"$1"):r.replace(/((?!\\).|^)\[([^/\\])\]/g,"$1$2").replace(/\\([^/])/g,"$1"):t?r.replace(/\[([^/\\{}])\]/g,"$1"):r.replace(/((?!\\).|^)\[([^/\\{}])\]/g,"$1$2").replace(/\\([^/{}])/g,"$1");var T=(r,t,e={})=>(mt(t),!e.nocomment&&t.charAt(0)==="#"?!1:xi(t,e).match(r)),it=new Map,Si=256,xi=(r,t)=>{let e=r+"\0"+JSON.stringify(t),s=it.get(e);return s?it.delete(e):(s=new D(r,{...t}),it.size>=Si&&it.delete(it.keys().next().value)),it.set(e,s),s},ls=typeof process=="object"&&process?process.env?.__MINIMATCH_TESTING_PLATFORM__||process.platform:"posix",ns={win32:{sep:"\\"},posix:{sep:"/"}},vi=ls==="win32"?ns.win32.sep:ns.posix.sep;T.sep=vi;var v=Symbol("globstar **");T.GLOBSTAR=v;var Ei=(r,t={})=>e=>T(e,r,t);T.filter=Ei;var U=(r,t={})=>Object.assign({},r,t),ki=r=>{if(!r||typeof r!="object"||!Object.keys(r).length)return T;let t=T;return Object.assign((s,i,n={})=>t(s,i,U(r,n)),{Minimatch:class extends t.Minimatch{constructor(i,n={}){super(i,U(r,n))}static defaults(i){return t.defaults(U(r,i)).Minimatch}},unescape:(s,i={})=>t.unescape(s,U(r,i)),escape:(s,i={})=>t.escape(s,U(r,i)),filter:(s,i={})=>t.filter(s,U(r,i)),defaults:s=>t.defaults(U(r,s)),braceExpand:(s,i={})=>t.braceExpand(s,U(r,i)),match:(s,i,n={})=>t.match(s,i,U(r,n)),sep:t.sep,GLOBSTAR:v})};T.defaults=ki;var xe=(r,t={})=>(mt(r),t.nobrace||!/\{(?:(?!\{).)*\}/.test(r)?[r]:Ge(r,{max:t.braceExpandMax}));T.braceExpand=xe;var Ci=100,Ai=/(?<![\\$])\{(-?\d+)\.\.(-?\d+)\}/g,Mi=(r,t,e={})=>{let s=new D(t,e);return r=r.filter(i=>s.match(i)),s.options.nonull&&!r.length&&r.push(t),r};T.match=Mi;var rs=/[?*]|[+@!]\(.*?\)|\[|\]/,cs=(r,t)=>{let e=t+1;(r.charAt(e)==="!"||r.charAt(e)==="^")&&e++;let s=!1;for(;e<r.length;e++){let i=r.charAt(e);if(i==="]"&&s)return e;s=!0,i==="\\"&&e++}return-1},Ri=(r,t)=>{if(!t&&(r==="+()"||r==="@()"))return r;let e="";for(let s=0;s<r.length;s++){let i=r.charAt(s);if(i==="\\")e+=r.charAt(++s)||i;else{if(i==="*"||i==="?")return;if(i==="["){let n=cs(r,s);if(n===-1){e+=i;continue}let o=r.slice(s+1,n);if(o.startsWith("\\")&&(o=o.slice(1)),[...o].length!==1||"!^".includes(r.charAt(s+1)))return;e+=o,s=n}else{if(!t&&"+@!".includes(i)&&r.charAt(s+1)==="("&&r.includes(")",s+2))return;e+=i}}}return e},Oi=r=>{if(/^[?*+@]\(\)$/.test(r)||r.includes("[:"))return!1;let t=0;for(let e=0;e<r.length;e++){let s=r.charAt(e);if(s==="\\"){if(++e===r.length)return!1}else if(s==="["){let i=cs(r,e);i!==-1&&(e=i)}else if("+@!?*".includes(s)&&r.charAt(e+1)==="(")t++,e++;else if(s===")"){if(!t--)return!1}else if(s==="|"&&!t)return!1}return!t},we,os,X=(r,t)=>typeof r=="string"?t===r:t!==""&&r.testUnchecked(t),hs=(r,t,e,s,i)=>X(r,t)?e:s!==void 0&&X(r,s)?i:-1,ve=r=>r==="."||r==="..",be=r=>typeof r=="string"&&/^[a-z]:$/i.test(r),zt=r=>typeof r=="string"&&/^unc$/i.test(r),ye=r=>{if(r[0]!==""||r[1]!=="")return-1;let t=r[2]!=="?"?2:zt(r[3])?4:-1,e=r[t],s=r[t+1];return t!==-1&&e!==void 0&&e!==""&&e!==v&&s!==void 0&&s!==""&&s!==v?t:-1},Pt=(r,t)=>!ve(r)&&(t||!r.startsWith(".")),gt=(r,t,e,s,i)=>{for(let n=t;n<e;){if(r.charCodeAt(n)===46){if(!s)return!0;let h=r.charCodeAt(n+1)===46?n+2:n+1;if(h>=e||Lt(r.charCodeAt(h),i))return!0}let o=Ee(r,n,i);if(o===-1)return!1;for(n=o+1;n<e&&Lt(r.charCodeAt(n),i);)n++}return!1},Lt=(r,t)=>t==="/"?r===47:t==="\\"?r===92:r===47||r===92,Ee=(r,t,e)=>{if(e!=="both")return r.indexOf(e,t);let s=r.indexOf("/",t),i=r.indexOf("\\",t);return s===-1?i:i===-1?s:Math.min(s,i)},as=(r,t,e)=>e!=="both"?r.lastIndexOf(e,t):Math.max(r.lastIndexOf("/",t),r.lastIndexOf("\\",t)),Se={},D=class{options;set;pattern;windowsPathsNoEscape;nonegate;negate;comment;empty;preserveMultipleSlashes;partial;globSet;globParts;nocase;isWindows;platform;windowsNoMagicRoot;maxGlobstarRecursion;#t;#n;#i;#o;#r=[];#d=[];#u=[];#f=new Map;#h=!1;#m;#l=new WeakMap;constructor(t,e={}){mt(t),e=e||{},this.options=e,this.maxGlobstarRecursion=e.maxGlobstarRecursion??200,this.pattern=t,this.platform=e.platform||ls,this.isWindows=this.platform==="win32";let s="allowWindowsEscape";this.windowsPathsNoEscape=!!e.windowsPathsNoEscape||e[s]===!1,this.windowsPathsNoEscape&&(this.pattern=this.pattern.replace(/\\/g,"/")),this.preserveMultipleSlashes=!!e.preserveMultipleSlashes,this.negate=!1,this.nonegate=!!e.nonegate,this.comment=!1,this.empty=!1,this.partial=!!e.partial,this.nocase=!!this.options.nocase,this.windowsNoMagicRoot=e.windowsNoMagicRoot!==void 0?e.windowsNoMagicRoot:!!(this.isWindows&&this.nocase),this.globSet=[],this.globParts=[],this.set=[],this.#t=!this.preserveMultipleSlashes,this.#i=(e.optimizationLevel??1)>=2;let i=e.normalize;this.#o=i===!0?"NFC":i||void 0,this.make();let n=this.set.map(o=>this.#s(o));this.#u=this.set.map((o,h)=>this.#t&&o.length-1>n[h]),this.#r=this.set.map((o,h)=>{let a=this.#u[h]?o.length-1:o.length,l=o.slice(n[h]+1,a).filter(c=>typeof c=="string"&&!!c);return[...new Set(l)]}),this.#n=this.#r.some(o=>o.length),this.#d=this.set.map((o,h)=>{let[a,l,c]=o;if(this.#u[h]&&o.length===2&&a===v&&l!==v)return"tail";if(this.#u[h]&&e.matchBase&&o.length===1&&a!==v&&a!=="")return"base";if(!(!this.#t||n[h]!==-1)){if(o.length===3&&a===v&&c===v&&l!==v&&l!==""&&this.maxGlobstarRecursion>0)return"mid";if(o.length===2&&l===v&&a!==v&&a!=="")return"head"}})}#a(t){return this.#o?t.normalize(this.#o):t}#s(t){if(!this.isWindows)return-1;if(be(t[0]))return 0;if(t[0]===""&&t[1]===""&&t[2]==="?"&&be(t[3]))return 3;let s=ye(t);return s===-1?-1:s+1}hasMagic(){if(this.options.magicalBraces&&this.set.length>1)return!0;for(let t of this.set)for(let e of t)if(typeof e!="string")return!0;return!1}make(){let t=this.pattern,e=this.options;if(!e.nocomment&&t.charAt(0)==="#"){this.comment=!0;return}if(!t){this.empty=!0;return}this.parseNegate(),this.globSet=[...new Set(this.#M())];let s=this.globSet.map(n=>this.#e(n));this.globParts=this.preprocess(s),this.#h=!0;let i=this.globParts.map((n,o,h)=>{if(this.isWindows&&this.windowsNoMagicRoot){let a=n[2]==="?"&&zt(n[3])?6:4,l=n[0]===""&&n[1]===""&&(n[2]==="?"||!rs.test(n[2]))&&n.slice(3,a).every(f=>!rs.test(f)),c=/^[a-z]:/i.test(n[0]);if(l)return[...n.slice(0,a).map(f=>this.#a(f)),...n.slice(a).map(f=>this.parse(f))];if(c)return[this.#a(n[0]),...n.slice(1).map(f=>this.parse(f))]}return n.map(a=>this.parse(a))});if(this.set=i.filter(n=>n.indexOf(!1)===-1),this.isWindows)for(let n=0;n<this.set.length;n++){let o=this.set[n];o[0]===""&&o[1]===""&&this.globParts[n][2]==="?"&&(be(o[3])||zt(this.globParts[n][3]))&&(zt(this.globParts[n][3])&&(o[3]="UNC"),o[2]="?")}e.noext||this.mergeRows(),this.#h=!1,this.set.forEach((n,o)=>{for(let h=0;h<n.length;h++)n[h]===Se&&(n[h]=this.parse(this.globParts[o][h]))})}mergeRows(){let t=!0;for(;t;){t=!1;let e=Math.max(0,...this.set.map(s=>s.length));for(let s=0;s<e;s++){let i=new Map;this.set.forEach((o,h)=>{if(!(o[s]instanceof pt||o[s]===Se)||!Oi(this.globParts[h][s]))return;let a=[...this.globParts[h]];a[s]="";let l=`${o.length}/${a.join("/")}`,c=i.get(l);c?c.push(h):i.set(l,[h])});let n=new Set;for(let o of i.values()){if(o.length<2)continue;let[h,...a]=o,c=`@(${o.map(f=>this.globParts[f][s]).join("|")})`;this.globParts[h][s]=c,this.set[h][s]=this.parse(c);for(let f of a)n.add(f)}n.size&&(t=!0,this.set=this.set.filter((o,h)=>!n.has(h)),this.globParts=this.globParts.filter((o,h)=>!n.has(h)))}}}preprocess(t){if(this.options.noglobstar)for(let s of t)for(let i=0;i<s.length;i++)s[i]==="**"&&(s[i]="*");let{optimizationLevel:e=1}=this.options;return e>=2?(t=this.firstPhasePreProcess(t),t=this.secondPhasePreProcess(t)):e>=1?t=this.levelOneOptimize(t):t=this.adjascentGlobstarOptimize(t),t}adjascentGlobstarOptimize(t){return t.map(e=>{let s=-1;for(;(s=e.indexOf("**",s+1))!==-1;){let i=s;for(;e[i+1]==="**";)i++;i!==s&&e.splice(s,i-s)}return e})}levelOneOptimize(t){return t.map(e=>{let s=this.#s(e)+1;return e=e.reduce((i,n)=>{let o=i[i.length-1];return n==="**"&&o==="**"?i:n===".."&&i.length>s&&o&&o!==".."&&o!=="."&&o!=="**"?(i.pop(),i):(i.push(n),i)},[]),e.length===0?[""]:e})}#b(t){let e=!this.isWindows||!t.includes("\\")?"/":t.includes("/")?"both":"\\",s=this.#t?0:-1,i="",n=0,o,h=0,a=!!this.options.dot;t:for(let l=0;l<this.set.length;l++){let c=this.set[l],f=c[c.length-1],u=s!==-1&&this.#u[l]&&f!==v;if(u&&s===0){let d=as(t,t.length,e);if(n=d+1,i=t.slice(n),i===""&&d>=0){let m=d;for(;m>0&&Lt(t.charCodeAt(m-1),e);)m--;h=m===0?0:as(t,m-1,e)+1,o=t.slice(h,m)}let w=this.#i&&(ve(i)||i===""&&o!==void 0&&ve(o));s=w?-1:1,u=!w}let p=-1;if(u&&typeof f=="string"&&(p=hs(f,i,n,o,h),p===-1))continue;if(this.#n){for(let d of this.#r[l])if(!t.includes(d))continue t}if(u&&typeof f=="object"&&(p=hs(f,i,n,o,h),p===-1))continue;let g=this.#d[l];if(g==="base"&&u)return"yes";if(g==="tail"&&u){if(this.#i&&gt(t,0,p,!0,e))return"maybe";if(!gt(t,0,p,a,e))return"yes";continue}if(g==="mid"||g==="head"){let d=this.#y(t,c,g==="head",a,e);if(d!=="no")return d;continue}return"maybe"}return"no"}#E(t,e,s){let i=!!this.options.dot,n=t.length;if(s==="head"){if(n<2||!X(e[0],t[0]))return!1;for(let h=1;h<n;h++)if(!Pt(t[h],i))return!1;return!0}let o=e[1];if(s==="tail"){let h=n-1;if(!X(o,t[h])&&(t[h]!==""||n===1||!X(o,t[--h])))return!1;for(let a=0;a<h;a++)if(!Pt(t[a],i))return!1;return!0}for(let h=0;h<n;h++){if(X(o,t[h])&&h+1<n){let a=h+1;for(;a<n&&Pt(t[a],i);)a++;if(a===n)return!0}if(!Pt(t[h],i))return!1}return!1}#y(t,e,s,i,n){if(this.#i&&gt(t,0,t.length,!0,n))return"maybe";let o=e[s?0:1],h=0;for(let a=Ee(t,h,n);a!==-1;a=Ee(t,h,n)){let l=a+1;for(;l<t.length&&Lt(t.charCodeAt(l),n);)l++;if((typeof o=="string"?a-h===o.length&&t.startsWith(o,h):a>h&&o.testUnchecked(t.slice(h,a)))&&!gt(t,l,t.length,i,n))return"yes";if(s||gt(t,h,l,i,n))return"no";h=l}return"no"}#g(t){let e=we;return e?.f===t&&e.isWindows===this.isWindows&&e.preserveMultipleSlashes===this.preserveMultipleSlashes&&e.normalize===this.#o?e:void 0}#w(t){let{isWindows:e,preserveMultipleSlashes:s}=this,i=this.#e(e?t.split("\\").join("/"):t),n=this.#o;return n&&(i=i.map(o=>o.normalize(n))),we={f:t,isWindows:e,preserveMultipleSlashes:s,normalize:n,parts:i},we}#p(t){let e=[...t],s=!1;do{if(s=!1,!this.preserveMultipleSlashes){for(let o=1;o<e.length-1;o++){let h=e[o];o===1&&h===""&&e[0]===""||(h==="."||h==="")&&(s=!0,e.splice(o,1),o--)}e[0]==="."&&e.length===2&&(e[1]==="."||e[1]==="")&&(s=!0,e.pop())}let i=this.#s(e)+1,n=i;for(;(n=e.indexOf("..",n+1))!==-1;){let o=e[n-1];o&&o!=="."&&o!==".."&&o!=="**"&&(s=!0,e.splice(n-1,2),n=Math.max(n-2,i))}}while(s);return e.length===0?[""]:e}firstPhasePreProcess(t){let{braceExpandMax:e=1e5}=this.options,s=0,i=1e6,n=!1;do{n=!1;for(let o of t){let h=-1;for(;(h=o.indexOf("**",h+1))!==-1;){let c=h;for(;o[c+1]==="**";)c++;c>h&&o.splice(h+1,c-h);let f=o[h+1],u=o[h+2],p=o[h+3];if(f!==".."||!u||u==="."||u===".."||!p||p==="."||p==="..")continue;let g=o.length-1;if(t.length>=e||s+g>i)throw new RangeError("optimizationLevel 2: too many patterns from '**/..'");n=!0,o.splice(h,1);let d=o.slice(0);d[h]="**",s+=g,t.push(d),h--}if(!this.preserveMultipleSlashes){for(let c=1;c<o.length-1;c++){let f=o[c];c===1&&f===""&&o[0]===""||(f==="."||f==="")&&(n=!0,o.splice(c,1),c--)}o[0]==="."&&o.length===2&&(o[1]==="."||o[1]==="")&&(n=!0,o.pop())}let a=this.#s(o)+1,l=a;for(;(l=o.indexOf("..",l+1))!==-1;){let c=o[l-1];if(c&&c!=="."&&c!==".."&&c!=="**"){n=!0;let u=l===1&&o[l+1]==="**"?["."]:[];o.splice(l-1,2,...u),o.length===0&&o.push(""),l=Math.max(l-2,a)}}}}while(n);return t}secondPhasePreProcess(t){let e=new Set,s=t.filter(o=>{let h=o.join("/");return e.has(h)?!1:(e.add(h),!0)}),i=new Map;for(let o of s){let h=[];for(let a=0;a<o.length;a++)o[a]==="*"&&h.push(a);h.length&&i.set(h.join(","),h)}if(!i.size||s.length*i.size>1e5)return s;let{dot:n}=this.options;return s.filter(o=>{for(let h of i.values()){if(h[h.length-1]>=o.length)continue;let a=[...o],l=!0,c=!1;for(let f of h){let u=o[f];if(u!=="*"){if(!u||u==="**"||!n&&u.startsWith(".")){l=!1;break}a[f]="*",c=!0}}if(l&&c&&e.has(a.join("/")))return!1}return!0})}parseNegate(){if(this.nonegate)return;let t=this.pattern,e=!1,s=0;for(let i=0;i<t.length&&t.charAt(i)==="!";i++)e=!e,s++;s&&(this.pattern=t.slice(s)),this.negate=e}#k(t,e,s,i){let n=0,o=0,h=this.isWindows?ye(e):-1,a=h===-1?-1:ye(s);if(a!==-1){let l=s[a],c=s[a+1];typeof l!="string"||typeof c!="string"?(n=h,o=a):e[h].toLowerCase()===l.toLowerCase()&&e[h+1].toLowerCase()===c.toLowerCase()&&(n=h+2,o=a+2)}else if(this.isWindows){let l=typeof t[0]=="string"&&/^[a-z]:$/i.test(t[0]),c=!l&&t[0]===""&&t[1]===""&&t[2]==="?"&&/^[a-z]:$/i.test(t[3]),f=typeof s[0]=="string"&&/^[a-z]:$/i.test(s[0]),u=!f&&s[0]===""&&s[1]===""&&s[2]==="?"&&typeof s[3]=="string"&&/^[a-z]:$/i.test(s[3]),p=c?3:l?0:void 0,g=u?3:f?0:void 0;if(typeof p=="number"&&typeof g=="number"){let[d,w]=[t[p],s[g]];d.toLowerCase()===w.toLowerCase()&&(o=g+1,n=p+1)}}return t=e,s.includes(v)?this.#C(t,s,i,n,o):this.#S(t,s,i,n,o)}#C(t,e,s,i,n){let{head:o,body:h,tail:a,segments:l}=this.#x(e,s,n);if(o.length){let f=i+o.length;if(!this.#S(t,o,s,i,0,f))return!1;i+=o.length,n+=o.length}let c=0;if(a.length){if(a.length+i>t.length)return!1;let f=t.length-a.length;if(this.#S(t,a,s,f,0))c=a.length;else{if(t[t.length-1]!==""||i+a.length===t.length||(f--,!this.#S(t,a,s,f,0)))return!1;c=a.length+1}}if(!h.length){let f=!!c;for(let u=i;u<t.length-c;u++){let p=String(t[u]);if(f=!0,p==="."||p===".."||!this.options.dot&&p.startsWith("."))return!1}return s||f}return!!this.#v(t,l,t.length-c,i,0,s,0,!!c,new Set)}#x(t,e,s){let i=this.#l.get(t);i||(i=[],this.#l.set(t,i));let n=s*2+(e?1:0),o=i[n];if(o)return o;let h=t.indexOf(v,s),a=t.lastIndexOf(v),l=t.slice(s,h),c=t.slice(h+1,e?void 0:a),f=e?[]:t.slice(a+1),u=[[[],0]],p=u[0],g=0,d=[0];for(let m of c)m===v?(d.push(g),p=[[],0],u.push(p)):(p[0].push(m),g++);u.forEach((m,b)=>{m[1]=g-d[b]});let w={head:l,body:c,tail:f,segments:u};return i[n]=w,w}#v(t,e,s,i,n,o,h,a,l){let c=e[n];if(!c){if(o)return i>=s||i===s-1&&t[i]==="";for(let g=i;g<s;g++){a=!0;let d=t[g];if(d==="."||d===".."||!this.options.dot&&d.startsWith("."))return!1}return a}let[f,u]=c,p=o?s:s-u;for(;i<=p;){let g=n*(t.length+1)+i;if(l.has(g))return!1;if(l.add(g),this.#S(t,f,o,i,0,i+f.length)&&h<this.maxGlobstarRecursion){let m=this.#v(t,e,s,i+f.length,n+1,o,h+1,a,l);if(m!==!1)return m}if(i===p)break;let w=t[i];if(w==="."||w===".."||!this.options.dot&&w.startsWith("."))return!1;i++}return o||null}#S(t,e,s,i,n,o=t.length){let h,a,l,c;for(h=i,a=n,c=Math.min(o,t.length),l=e.length;h<c&&a<l;h++,a++){let f=e[a],u=t[h];if(f===!1||f===v||!X(f,u))return!1}if(h===c&&a===l)return!0;if(h===c)return s;if(a===l)return h===c-1&&t[h]==="";throw new Error("wtf?")}braceExpand(){return xe(this.pattern,this.options)}#M(){let{pattern:t}=this;if(this.options.nobrace)return this.braceExpand();let e=57344;for(;t.includes(String.fromCharCode(e));)if(++e>63743)return this.braceExpand();let s=String.fromCharCode(e),i=!1,n=t.replace(Ai,(h,a,l)=>{let c=Number(a),f=Number(l);return!Number.isSafeInteger(c)||!Number.isSafeInteger(f)||Math.abs(c-f)+1<Ci?h:(i=!0,`${s}${a}..${l}${s}`)});if(!i)return this.braceExpand();let o=xe(n,this.options);for(let h of o)for(let a of h.split("/")){let l=a.indexOf("[");if(l!==-1&&l<a.lastIndexOf(s))return this.braceExpand()}return this.#m=s,o}parse(t){mt(t);let e=this.options;if(t==="**")return v;if(t==="")return"";let{nocase:s,nocaseMagicOnly:i,noext:n=!1,dot:o,normalize:h}=e,a=this.#m,l=a&&t.includes(a)?void 0:Ri(t,n);if(l!==void 0&&!(s&&!i&&t.toUpperCase()!==t.toLowerCase()))return this.#a(l);if(this.#h)return Se;let c=this.#f.get(t);return c||(c=new pt(t,{nocase:s,noext:n,dot:o,normalize:h,...a&&{rangeMark:a}}),this.#f.set(t,c)),c}#e(t){return this.preserveMultipleSlashes?t.split("/"):this.isWindows&&/^\/\/[^/]+/.test(t)?["",...t.split(/\/+/)]:t.split(/\/+/)}match(t,e=this.partial){if(this.comment)return!1;if(this.empty)return t==="";if(t==="/"&&e)return!0;let s=this.options,i=this.#g(t);if(!i){if(!e&&!this.#o&&(this.#t||this.#n)&&os!==t){os=t;let l=this.#b(t);if(l==="no")return s.flipNegate?!1:this.negate;if(l==="yes")return s.flipNegate?!0:!this.negate}i=this.#w(t)}let n=i.parts,o=this.#i?i.resolved??=this.#p(n):n,h=this.set,a=n[n.length-1];if(!a)for(let l=n.length-2;!a&&l>=0;l--)a=n[l];for(let l=0;l<h.length;l++){let c=h[l],f=e?void 0:this.#d[l];if(f==="base"?X(c[0],a):f?this.#E(o,c,f):s.matchBase&&c.length===1?this.#k([a],[a],c,e):this.#k(n,o,c,e))return s.flipNegate?!0:!this.negate}return s.flipNegate?!1:this.negate}static defaults(t){return T.defaults(t).Minimatch}};T.Minimatch=D;T.escape=K;T.unescape=st;var M=(0,external_node_diagnostics_channel_namespaceObject.channel)("lru-cache:metrics"),wt=(0,external_node_diagnostics_channel_namespaceObject.tracingChannel)("lru-cache"),_i=typeof performance=="object"&&performance&&typeof performance.now=="function"?performance:Date,ke=()=>M.hasSubscribers||wt.hasSubscribers,us=new Set,fs=typeof process=="object"&&process?process:{},Di=(r,t,e,s)=>{typeof fs.emitWarning=="function"?fs.emitWarning(r,t,e,s):console.error(`[${e}] ${t}: ${r}`)},Ni=r=>!us.has(r),V=r=>!!r&&r===Math.floor(r)&&r>0&&isFinite(r),ds=r=>V(r)?r<=Math.pow(2,8)?Uint8Array:r<=Math.pow(2,16)?Uint16Array:r<=Math.pow(2,32)?Uint32Array:r<=Number.MAX_SAFE_INTEGER?jt:null:null,jt=class extends Array{constructor(r){super(r),this.fill(0)}},Pi=class bt{heap;length;static#t=!1;static create(t){let e=ds(t);if(!e)return[];bt.#t=!0;let s=new bt(t,e);return bt.#t=!1,s}constructor(t,e){if(!bt.#t)throw new TypeError("instantiate Stack using Stack.create(n)");this.heap=new e(t),this.length=0}push(t){this.heap[this.length++]=t}pop(){return this.heap[--this.length]}},yt=class ps{#t;#n;#i;#o;#r;#d;#u;#f;get perf(){return this.#f}ttl;ttlResolution;ttlAutopurge;updateAgeOnGet;updateAgeOnHas;allowStale;noDisposeOnSet;noUpdateTTL;maxEntrySize;sizeCalculation;noDeleteOnFetchRejection;noDeleteOnStaleGet;allowStaleOnFetchAbort;allowStaleOnFetchRejection;ignoreFetchAbort;backgroundFetchSize;#h;#m;#l;#a;#s;#b;#E;#y;#g;#w;#p;#k;#C;#x;#v;#S;#M;#e;#T;static unsafeExposeInternals(t){return{starts:t.#C,ttls:t.#x,autopurgeTimers:t.#v,sizes:t.#k,keyMap:t.#l,keyList:t.#a,valList:t.#s,next:t.#b,prev:t.#E,get head(){return t.#y},get tail(){return t.#g},free:t.#w,isBackgroundFetch:e=>t.#c(e),backgroundFetch:(e,s,i,n)=>t.#L(e,s,i,n),moveToTail:e=>t.#X(e),indexes:e=>t.#O(e),rindexes:e=>t.#F(e),isStale:e=>t.#A(e)}}get max(){return this.#t}get maxSize(){return this.#n}get calculatedSize(){return this.#m}get size(){return this.#h}get fetchMethod(){return this.#d}get memoMethod(){return this.#u}get dispose(){return this.#i}get onInsert(){return this.#o}get disposeAfter(){return this.#r}constructor(t){let{max:e=0,ttl:s,ttlResolution:i=1,ttlAutopurge:n,updateAgeOnGet:o,updateAgeOnHas:h,allowStale:a,dispose:l,onInsert:c,disposeAfter:f,noDisposeOnSet:u,noUpdateTTL:p,maxSize:g=0,maxEntrySize:d=0,sizeCalculation:w,fetchMethod:m,memoMethod:b,noDeleteOnFetchRejection:x,noDeleteOnStaleGet:S,allowStaleOnFetchRejection:y,allowStaleOnFetchAbort:q,ignoreFetchAbort:W,backgroundFetchSize:B=1,perf:et}=t;if(this.backgroundFetchSize=B,et!==void 0&&typeof et?.now!="function")throw new TypeError("perf option must have a now() method if specified");if(this.#f=et??_i,e!==0&&!V(e))throw new TypeError("max option must be a nonnegative integer");let ie=e?ds(e):Array;if(!ie)throw new Error("invalid max value: "+e);if(this.#t=e,this.#n=g,this.maxEntrySize=d||this.#n,this.sizeCalculation=w,this.sizeCalculation){if(!this.#n&&!this.maxEntrySize)throw new TypeError("cannot set sizeCalculation without setting maxSize or maxEntrySize");if(typeof this.sizeCalculation!="function")throw new TypeError("sizeCalculation set to non-function")}if(b!==void 0&&typeof b!="function")throw new TypeError("memoMethod must be a function if defined");if(this.#u=b,m!==void 0&&typeof m!="function")throw new TypeError("fetchMethod must be a function if specified");if(this.#d=m,this.#M=!!m,this.#l=new Map,this.#a=Array.from({length:e}).fill(void 0),this.#s=Array.from({length:e}).fill(void 0),this.#b=new ie(e),this.#E=new ie(e),this.#y=0,this.#g=0,this.#w=Pi.create(e),this.#h=0,this.#m=0,typeof l=="function"&&(this.#i=l),typeof c=="function"&&(this.#o=c),typeof f=="function"?(this.#r=f,this.#p=[]):(this.#r=void 0,this.#p=void 0),this.#S=!!this.#i,this.#T=!!this.#o,this.#e=!!this.#r,this.noDisposeOnSet=!!u,this.noUpdateTTL=!!p,this.noDeleteOnFetchRejection=!!x,this.allowStaleOnFetchRejection=!!y,this.allowStaleOnFetchAbort=!!q,this.ignoreFetchAbort=!!W,this.maxEntrySize!==0){if(this.#n!==0&&!V(this.#n))throw new TypeError("maxSize must be a positive integer if specified");if(!V(this.maxEntrySize))throw new TypeError("maxEntrySize must be a positive integer if specified");this.#G()}if(this.allowStale=!!a,this.noDeleteOnStaleGet=!!S,this.updateAgeOnGet=!!o,this.updateAgeOnHas=!!h,this.ttlResolution=V(i)||i===0?i:1,this.ttlAutopurge=!!n,this.ttl=s||0,this.ttl){if(!V(this.ttl))throw new TypeError("ttl must be a positive integer if specified");this.#_()}if(this.#t===0&&this.ttl===0&&this.#n===0)throw new TypeError("At least one of max, maxSize, or ttl is required");if(!this.ttlAutopurge&&!this.#t&&!this.#n){let ne="LRU_CACHE_UNBOUNDED";Ni(ne)&&(us.add(ne),Di("TTL caching without ttlAutopurge, max, or maxSize can result in unbounded memory consumption.","UnboundedCacheWarning",ne,ps))}}getRemainingTTL(t){return this.#l.has(t)?1/0:0}#_(){let t=new jt(this.#t),e=new jt(this.#t);this.#x=t,this.#C=e;let s=this.ttlAutopurge?Array.from({length:this.#t}):void 0;this.#v=s,this.#W=(a,l,c=this.#f.now())=>{e[a]=l!==0?c:0,t[a]=l,i(a,l)},this.#R=a=>{e[a]=t[a]!==0?this.#f.now():0,i(a,t[a])};let i=this.ttlAutopurge?(a,l)=>{if(s?.[a]&&(clearTimeout(s[a]),s[a]=void 0),l&&l!==0&&s){let c=setTimeout(()=>{this.#A(a)?(this.#j(this.#a[a],"expire"),s[a]=void 0):i(a,h(a))},l+1);c.unref&&c.unref(),s[a]=c}}:()=>{};this.#D=(a,l)=>{if(t[l]){let c=t[l],f=e[l];if(!c||!f)return;a.ttl=c,a.start=f,a.now=n||o();let u=a.now-f;a.remainingTTL=c-u}};let n=0,o=()=>{let a=this.#f.now();if(this.ttlResolution>0){n=a;let l=setTimeout(()=>n=0,this.ttlResolution);l.unref&&l.unref()}return a};this.getRemainingTTL=a=>{let l=this.#l.get(a);return l===void 0?0:h(l)};let h=a=>{let l=t[a],c=e[a];if(!l||!c)return 1/0;let f=(n||o())-c;return l-f};this.#A=a=>{let l=e[a],c=t[a];return!!c&&!!l&&(n||o())-l>c}}#R=()=>{};#D=()=>{};#W=()=>{};#A=()=>!1;#G(){let t=new jt(this.#t);this.#m=0,this.#k=t,this.#P=e=>{this.#m-=t[e],t[e]=0},this.#$=(e,s,i,n)=>{if(!V(i)){if(this.#c(s))return this.backgroundFetchSize;if(n){if(typeof n!="function")throw new TypeError("sizeCalculation must be a function");if(i=n(s,e),!V(i))throw new TypeError("sizeCalculation return invalid (expect positive integer)")}else throw new TypeError("invalid size value (must be positive integer). When maxSize or maxEntrySize is used, sizeCalculation or size must be set.")}return i},this.#N=(e,s,i)=>{if(t[e]=s,this.#n){let n=this.#n-t[e];for(;this.#m>n;)this.#U(!0)}this.#m+=t[e],i&&(i.entrySize=s,i.totalCalculatedSize=this.#m)}}#P=t=>{};#N=(t,e,s)=>{};#$=(t,e,s,i)=>{if(s||i)throw new TypeError("cannot set size without setting maxSize or maxEntrySize on cache");return 0};*#O({allowStale:t=this.allowStale}={}){if(this.#h)for(let e=this.#g;this.#I(e)&&((t||!this.#A(e))&&(yield e),e!==this.#y);)e=this.#E[e]}*#F({allowStale:t=this.allowStale}={}){if(this.#h)for(let e=this.#y;this.#I(e)&&((t||!this.#A(e))&&(yield e),e!==this.#g);)e=this.#b[e]}#I(t){return t!==void 0&&this.#l.get(this.#a[t])===t}*entries(){for(let t of this.#O())this.#s[t]!==void 0&&this.#a[t]!==void 0&&!this.#c(this.#s[t])&&(yield[this.#a[t],this.#s[t]])}*rentries(){for(let t of this.#F())this.#s[t]!==void 0&&this.#a[t]!==void 0&&!this.#c(this.#s[t])&&(yield[this.#a[t],this.#s[t]])}*keys(){for(let t of this.#O()){let e=this.#a[t];e!==void 0&&!this.#c(this.#s[t])&&(yield e)}}*rkeys(){for(let t of this.#F()){let e=this.#a[t];e!==void 0&&!this.#c(this.#s[t])&&(yield e)}}*values(){for(let t of this.#O())this.#s[t]!==void 0&&!this.#c(this.#s[t])&&(yield this.#s[t])}*rvalues(){for(let t of this.#F())this.#s[t]!==void 0&&!this.#c(this.#s[t])&&(yield this.#s[t])}[Symbol.iterator](){return this.entries()}[Symbol.toStringTag]="LRUCache";find(t,e={}){for(let s of this.#O()){let i=this.#s[s],n=this.#c(i)?i.__staleWhileFetching:i;if(n!==void 0&&t(n,this.#a[s],this))return this.#K(this.#a[s],e)}}forEach(t,e=this){for(let s of this.#O()){let i=this.#s[s],n=this.#c(i)?i.__staleWhileFetching:i;n!==void 0&&t.call(e,n,this.#a[s],this)}}rforEach(t,e=this){for(let s of this.#F()){let i=this.#s[s],n=this.#c(i)?i.__staleWhileFetching:i;n!==void 0&&t.call(e,n,this.#a[s],this)}}purgeStale(){let t=!1;for(let e of this.#F({allowStale:!0}))this.#A(e)&&(this.#j(this.#a[e],"expire"),t=!0);return t}info(t){let e=this.#l.get(t);if(e===void 0)return;let s=this.#s[e],i=this.#c(s)?s.__staleWhileFetching:s;if(i===void 0)return;let n={value:i};if(this.#x&&this.#C){let o=this.#x[e],h=this.#C[e];if(o&&h){let a=o-(this.#f.now()-h);n.ttl=a,n.start=Date.now()}}return this.#k&&(n.size=this.#k[e]),n}dump(){let t=[];for(let e of this.#O({allowStale:!0})){let s=this.#a[e],i=this.#s[e],n=this.#c(i)?i.__staleWhileFetching:i;if(n===void 0||s===void 0)continue;let o={value:n};if(this.#x&&this.#C){o.ttl=this.#x[e];let h=this.#f.now()-this.#C[e];o.start=Math.floor(Date.now()-h)}this.#k&&(o.size=this.#k[e]),t.unshift([s,o])}return t}load(t){this.clear();for(let[e,s]of t){if(s.start){let i=Date.now()-s.start;s.start=this.#f.now()-i}this.#z(e,s.value,s)}}set(t,e,s={}){let{status:i=M.hasSubscribers?{}:void 0}=s;s.status=i,i&&(i.op="set",i.key=t,e!==void 0&&(i.value=e),i.cache=this);let n=this.#z(t,e,s);return i&&M.hasSubscribers&&M.publish(i),n}#z(t,e,s,i){let{ttl:n=this.ttl,start:o,noDisposeOnSet:h=this.noDisposeOnSet,sizeCalculation:a=this.sizeCalculation,status:l}=s,c=this.#c(e);if(e===void 0)return l&&(l.set="deleted"),this.delete(t),this;let{noUpdateTTL:f=this.noUpdateTTL}=s;l&&!c&&(l.value=e);let u=this.#$(t,e,s.size||0,a,l);if(this.maxEntrySize&&u>this.maxEntrySize)return this.#j(t,"set"),l&&(l.set="miss",l.maxEntrySizeExceeded=!0),this;let p=this.#h===0?void 0:this.#l.get(t);if(p===void 0)p=this.#h===0?this.#g:this.#w.length!==0?this.#w.pop():this.#h===this.#t?this.#U(!1):this.#h,this.#a[p]=t,this.#s[p]=e,this.#l.set(t,p),this.#b[this.#g]=p,this.#E[p]=this.#g,this.#g=p,this.#h++,this.#N(p,u,l),l&&(l.set="add"),f=!1,this.#T&&!c&&this.#o?.(e,t,"add");else{this.#X(p);let g=this.#s[p];if(e!==g){if(!h)if(this.#c(g)){g!==i&&g.__abortController.abort(new Error("replaced"));let{__staleWhileFetching:d}=g;d!==void 0&&d!==e&&(this.#S&&this.#i?.(d,t,"set"),this.#e&&this.#p?.push([d,t,"set"]))}else this.#S&&this.#i?.(g,t,"set"),this.#e&&this.#p?.push([g,t,"set"]);if(this.#P(p),this.#N(p,u,l),this.#s[p]=e,!c){let d=g&&this.#c(g)?g.__staleWhileFetching:g,w=d===void 0?"add":e!==d?"replace":"update";l&&(l.set=w,d!==void 0&&(l.oldValue=d)),this.#T&&this.onInsert?.(e,t,w)}}else c||(l&&(l.set="update"),this.#T&&this.onInsert?.(e,t,"update"))}if(n!==0&&!this.#x&&this.#_(),this.#x&&(f||this.#W(p,n,o),l&&this.#D(l,p)),!h&&this.#e&&this.#p){let g=this.#p,d;for(;d=g?.shift();)this.#r?.(...d)}return this}pop(){try{for(;this.#h;){let t=this.#s[this.#y];if(this.#U(!0),this.#c(t)){if(t.__staleWhileFetching)return t.__staleWhileFetching}else if(t!==void 0)return t}}finally{if(this.#e&&this.#p){let t=this.#p,e;for(;e=t?.shift();)this.#r?.(...e)}}}#U(t){let e=this.#y,s=this.#a[e],i=this.#s[e],n=this.#c(i);n&&i.__abortController.abort(new Error("evicted"));let o=n?i.__staleWhileFetching:i;return(this.#S||this.#e)&&o!==void 0&&(this.#S&&this.#i?.(o,s,"evict"),this.#e&&this.#p?.push([o,s,"evict"])),this.#P(e),this.#v?.[e]&&(clearTimeout(this.#v[e]),this.#v[e]=void 0),t&&(this.#a[e]=void 0,this.#s[e]=void 0,this.#w.push(e)),this.#h===1?(this.#y=this.#g=0,this.#w.length=0):this.#y=this.#b[e],this.#l.delete(s),this.#h--,e}has(t,e={}){let{status:s=M.hasSubscribers?{}:void 0}=e;e.status=s,s&&(s.op="has",s.key=t,s.cache=this);let i=this.#V(t,e);return M.hasSubscribers&&M.publish(s),i}#V(t,e={}){let{updateAgeOnHas:s=this.updateAgeOnHas,status:i}=e,n=this.#l.get(t);if(n!==void 0){let o=this.#s[n];if(this.#c(o)&&o.__staleWhileFetching===void 0)return!1;if(this.#A(n))i&&(i.has="stale",this.#D(i,n));else return s&&this.#R(n),i&&(i.has="hit",this.#D(i,n)),!0}else i&&(i.has="miss");return!1}peek(t,e={}){let{status:s=ke()?{}:void 0}=e;s&&(s.op="peek",s.key=t,s.cache=this),e.status=s;let i=this.#H(t,e);return M.hasSubscribers&&M.publish(s),i}#H(t,e){let{status:s,allowStale:i=this.allowStale}=e,n=this.#l.get(t);if(n===void 0||!i&&this.#A(n)){s&&(s.peek=n===void 0?"miss":"stale");return}let o=this.#s[n],h=this.#c(o)?o.__staleWhileFetching:o;return s&&(h!==void 0?(s.peek="hit",s.value=h):s.peek="miss"),h}#L(t,e,s,i){let n=e===void 0?void 0:this.#s[e];if(this.#c(n))return n;let o=new AbortController,{signal:h}=s;h?.addEventListener("abort",()=>o.abort(h.reason),{signal:o.signal});let a={signal:o.signal,options:s,context:i},l=(d,w=!1)=>{let{aborted:m}=o.signal,b=s.ignoreFetchAbort&&d!==void 0,x=s.ignoreFetchAbort||!!(s.allowStaleOnFetchAbort&&d!==void 0);if(s.status&&(m&&!w?(s.status.fetchAborted=!0,s.status.fetchError=o.signal.reason,b&&(s.status.fetchAbortIgnored=!0)):s.status.fetchResolved=!0),m&&!b&&!w)return f(o.signal.reason,x);let S=p,y=this.#s[e];return(y===p||y===void 0&&b&&w)&&(d===void 0?S.__staleWhileFetching!==void 0?this.#s[e]=S.__staleWhileFetching:this.#j(t,"fetch"):(s.status&&(s.status.fetchUpdated=!0),this.#z(t,d,a.options,S))),d},c=d=>(s.status&&(s.status.fetchRejected=!0,s.status.fetchError=d),f(d,!1)),f=(d,w)=>{let{aborted:m}=o.signal,b=m&&s.allowStaleOnFetchAbort,x=b||s.allowStaleOnFetchRejection,S=x||s.noDeleteOnFetchRejection,y=p;if(this.#s[e]===p&&(!S||!w&&y.__staleWhileFetching===void 0?this.#j(t,"fetch"):b||(this.#s[e]=y.__staleWhileFetching)),x)return s.status&&y.__staleWhileFetching!==void 0&&(s.status.returnedStale=!0),y.__staleWhileFetching;if(y.__returned===y)throw d},u=(d,w)=>{let m=this.#d?.(t,n,a);o.signal.addEventListener("abort",()=>{(!s.ignoreFetchAbort||s.allowStaleOnFetchAbort)&&(d(void 0),s.allowStaleOnFetchAbort&&(d=b=>l(b,!0)))}),m&&m instanceof Promise?m.then(b=>d(b===void 0?void 0:b),w):m!==void 0&&d(m)};s.status&&(s.status.fetchDispatched=!0);let p=new Promise(u).then(l,c),g=Object.assign(p,{__abortController:o,__staleWhileFetching:n,__returned:void 0});return e===void 0?(this.#z(t,g,{...a.options,status:void 0}),e=this.#l.get(t)):this.#s[e]=g,g}#c(t){if(!this.#M)return!1;let e=t;return!!e&&e instanceof Promise&&e.hasOwnProperty("__staleWhileFetching")&&e.__abortController instanceof AbortController}fetch(t,e={}){let s=wt.hasSubscribers,{status:i=ke()?{}:void 0}=e;e.status=i,i&&e.context&&(i.context=e.context);let n=this.#q(t,e);return i&&s&&(i.trace=!0,wt.tracePromise(()=>n,i).catch(()=>{})),n}async#q(t,e={}){let{allowStale:s=this.allowStale,updateAgeOnGet:i=this.updateAgeOnGet,noDeleteOnStaleGet:n=this.noDeleteOnStaleGet,ttl:o=this.ttl,noDisposeOnSet:h=this.noDisposeOnSet,size:a=0,sizeCalculation:l=this.sizeCalculation,noUpdateTTL:c=this.noUpdateTTL,noDeleteOnFetchRejection:f=this.noDeleteOnFetchRejection,allowStaleOnFetchRejection:u=this.allowStaleOnFetchRejection,ignoreFetchAbort:p=this.ignoreFetchAbort,allowStaleOnFetchAbort:g=this.allowStaleOnFetchAbort,context:d,forceRefresh:w=!1,status:m,signal:b}=e;if(m&&(m.op="fetch",m.key=t,w&&(m.forceRefresh=!0),m.cache=this),!this.#M)return m&&(m.fetch="get"),this.#K(t,{allowStale:s,updateAgeOnGet:i,noDeleteOnStaleGet:n,status:m});let x={allowStale:s,updateAgeOnGet:i,noDeleteOnStaleGet:n,ttl:o,noDisposeOnSet:h,size:a,sizeCalculation:l,noUpdateTTL:c,noDeleteOnFetchRejection:f,allowStaleOnFetchRejection:u,allowStaleOnFetchAbort:g,ignoreFetchAbort:p,status:m,signal:b},S=this.#l.get(t);if(S===void 0){m&&(m.fetch="miss");let y=this.#L(t,S,x,d);return y.__returned=y}else{let y=this.#s[S];if(this.#c(y)){let et=s&&y.__staleWhileFetching!==void 0;return m&&(m.fetch="inflight",et&&(m.returnedStale=!0)),et?y.__staleWhileFetching:y.__returned=y}let q=this.#A(S);if(!w&&!q)return m&&(m.fetch="hit"),this.#X(S),i&&this.#R(S),m&&this.#D(m,S),y;let W=this.#L(t,S,x,d),B=W.__staleWhileFetching!==void 0&&s;return m&&(m.fetch=q?"stale":"refresh",B&&q&&(m.returnedStale=!0)),B?W.__staleWhileFetching:W.__returned=W}}forceFetch(t,e={}){let s=wt.hasSubscribers,{status:i=ke()?{}:void 0}=e;e.status=i,i&&e.context&&(i.context=e.context);let n=this.#B(t,e);return i&&s&&(i.trace=!0,wt.tracePromise(()=>n,i).catch(()=>{})),n}async#B(t,e={}){let s=await this.#q(t,e);if(s===void 0)throw new Error("fetch() returned undefined");return s}memo(t,e={}){let{status:s=M.hasSubscribers?{}:void 0}=e;e.status=s,s&&(s.op="memo",s.key=t,e.context&&(s.context=e.context),s.cache=this);let i=this.#Z(t,e);return s&&(s.value=i),M.hasSubscribers&&M.publish(s),i}#Z(t,e={}){let s=this.#u;if(!s)throw new Error("no memoMethod provided to constructor");let{context:i,status:n,forceRefresh:o,...h}=e;n&&o&&(n.forceRefresh=!0);let a=this.#K(t,h),l=o||a===void 0;if(n&&(n.memo=l?"miss":"hit",l||(n.value=a)),!l)return a;let c=s(t,a,{options:h,context:i});return n&&(n.value=c),this.#z(t,c,h),c}get(t,e={}){let{status:s=M.hasSubscribers?{}:void 0}=e;e.status=s,s&&(s.op="get",s.key=t,s.cache=this);let i=this.#K(t,e);return s&&(i!==void 0&&(s.value=i),M.hasSubscribers&&M.publish(s)),i}#K(t,e={}){let{allowStale:s=this.allowStale,updateAgeOnGet:i=this.updateAgeOnGet,noDeleteOnStaleGet:n=this.noDeleteOnStaleGet,status:o}=e,h=this.#l.get(t);if(h===void 0){o&&(o.get="miss");return}let a=this.#s[h],l=this.#c(a);return o&&this.#D(o,h),this.#A(h)?l?(o&&(o.get="stale-fetching"),s&&a.__staleWhileFetching!==void 0?(o&&(o.returnedStale=!0),a.__staleWhileFetching):void 0):(n||this.#j(t,"expire"),o&&(o.get="stale"),s?(o&&(o.returnedStale=!0),a):void 0):(o&&(o.get=l?"fetching":"hit"),this.#X(h),i&&this.#R(h),l?a.__staleWhileFetching:a)}#Y(t,e){this.#E[e]=t,this.#b[t]=e}#X(t){t!==this.#g&&(t===this.#y?this.#y=this.#b[t]:this.#Y(this.#E[t],this.#b[t]),this.#Y(this.#g,t),this.#g=t)}delete(t){return this.#j(t,"delete")}#j(t,e){M.hasSubscribers&&M.publish({op:"delete",delete:e,key:t,cache:this});let s=!1;if(this.#h!==0){let i=this.#l.get(t);if(i!==void 0)if(this.#v?.[i]&&(clearTimeout(this.#v[i]),this.#v[i]=void 0),s=!0,this.#h===1)this.#J(e);else{this.#P(i);let n=this.#s[i];if(this.#c(n)?n.__abortController.abort(new Error("deleted")):(this.#S||this.#e)&&(this.#S&&this.#i?.(n,t,e),this.#e&&this.#p?.push([n,t,e])),this.#l.delete(t),this.#a[i]=void 0,this.#s[i]=void 0,i===this.#g)this.#g=this.#E[i];else if(i===this.#y)this.#y=this.#b[i];else{let o=this.#E[i];this.#b[o]=this.#b[i];let h=this.#b[i];this.#E[h]=this.#E[i]}this.#h--,this.#w.push(i)}}if(this.#e&&this.#p?.length){let i=this.#p,n;for(;n=i?.shift();)this.#r?.(...n)}return s}clear(){return this.#J("delete")}#J(t){for(let e of this.#F({allowStale:!0})){let s=this.#s[e];if(this.#c(s))s.__abortController.abort(new Error("deleted"));else{let i=this.#a[e];this.#S&&this.#i?.(s,i,t),this.#e&&this.#p?.push([s,i,t])}}if(this.#l.clear(),this.#s.fill(void 0),this.#a.fill(void 0),this.#x&&this.#C){this.#x.fill(0),this.#C.fill(0);for(let e of this.#v??[])e!==void 0&&clearTimeout(e);this.#v?.fill(void 0)}if(this.#k&&this.#k.fill(0),this.#y=0,this.#g=0,this.#w.length=0,this.#m=0,this.#h=0,this.#e&&this.#p){let e=this.#p,s;for(;s=e?.shift();)this.#r?.(...s)}}};var ms=typeof process=="object"&&process?process:{stdout:null,stderr:null},Li=r=>!!r&&typeof r=="object"&&(r instanceof J||r instanceof external_node_stream_namespaceObject||ji(r)||Wi(r)),ji=r=>!!r&&typeof r=="object"&&r instanceof external_node_events_namespaceObject.EventEmitter&&typeof r.pipe=="function"&&r.pipe!==external_node_stream_namespaceObject.Writable.prototype.pipe,Wi=r=>!!r&&typeof r=="object"&&r instanceof external_node_events_namespaceObject.EventEmitter&&typeof r.write=="function"&&typeof r.end=="function",G=Symbol("EOF"),H=Symbol("maybeEmitEnd"),Y=Symbol("emittedEnd"),Wt=Symbol("emittingEnd"),St=Symbol("emittedError"),$t=Symbol("closed"),gs=Symbol("read"),It=Symbol("flush"),ws=Symbol("flushChunk"),z=Symbol("encoding"),nt=Symbol("decoder"),k=Symbol("flowing"),xt=Symbol("paused"),rt=Symbol("resume"),C=Symbol("buffer"),F=Symbol("pipes"),A=Symbol("bufferLength"),Ce=Symbol("bufferPush"),Bt=Symbol("bufferShift"),R=Symbol("objectMode"),E=Symbol("destroyed"),Ae=Symbol("error"),Me=Symbol("emitData"),bs=Symbol("emitEnd"),Re=Symbol("emitEnd2"),$=Symbol("async"),Oe=Symbol("abort"),Ut=Symbol("aborted"),vt=Symbol("signal"),Q=Symbol("dataListeners"),_=Symbol("discarded"),Et=r=>Promise.resolve().then(r),$i=r=>r(),Ii=r=>r==="end"||r==="finish"||r==="prefinish",Bi=r=>r instanceof ArrayBuffer||!!r&&typeof r=="object"&&r.constructor&&r.constructor.name==="ArrayBuffer"&&r.byteLength>=0,Ui=r=>!Buffer.isBuffer(r)&&ArrayBuffer.isView(r),Gt=class{src;dest;opts;ondrain;constructor(t,e,s){this.src=t,this.dest=e,this.opts=s,this.ondrain=()=>t[rt](),this.dest.on("drain",this.ondrain)}unpipe(){this.dest.removeListener("drain",this.ondrain)}proxyErrors(t){}end(){this.unpipe(),this.opts.end&&this.dest.end()}},Fe=class extends Gt{unpipe(){this.src.removeListener("error",this.proxyErrors),super.unpipe()}constructor(t,e,s){super(t,e,s),this.proxyErrors=i=>this.dest.emit("error",i),t.on("error",this.proxyErrors)}},Gi=r=>!!r.objectMode,Hi=r=>!r.objectMode&&!!r.encoding&&r.encoding!=="buffer",J=class extends external_node_events_namespaceObject.EventEmitter{[k]=!1;[xt]=!1;[F]=[];[C]=[];[R];[z];[$];[nt];[G]=!1;[Y]=!1;[Wt]=!1;[$t]=!1;[St]=null;[A]=0;[E]=!1;[vt];[Ut]=!1;[Q]=0;[_]=!1;writable=!0;readable=!0;constructor(...t){let e=t[0]||{};if(super(),e.objectMode&&typeof e.encoding=="string")throw new TypeError("Encoding and objectMode may not be used together");Gi(e)?(this[R]=!0,this[z]=null):Hi(e)?(this[z]=e.encoding,this[R]=!1):(this[R]=!1,this[z]=null),this[$]=!!e.async,this[nt]=this[z]?new external_node_string_decoder_namespaceObject.StringDecoder(this[z]):null,e&&e.debugExposeBuffer===!0&&Object.defineProperty(this,"buffer",{get:()=>this[C]}),e&&e.debugExposePipes===!0&&Object.defineProperty(this,"pipes",{get:()=>this[F]});let{signal:s}=e;s&&(this[vt]=s,s.aborted?this[Oe]():s.addEventListener("abort",()=>this[Oe]()))}get bufferLength(){return this[A]}get encoding(){return this[z]}set encoding(t){throw new Error("Encoding must be set at instantiation time")}setEncoding(t){throw new Error("Encoding must be set at instantiation time")}get objectMode(){return this[R]}set objectMode(t){throw new Error("objectMode must be set at instantiation time")}get async(){return this[$]}set async(t){this[$]=this[$]||!!t}[Oe](){this[Ut]=!0,this.emit("abort",this[vt]?.reason),this.destroy(this[vt]?.reason)}get aborted(){return this[Ut]}set aborted(t){}write(t,e,s){if(this[Ut])return!1;if(this[G])throw new Error("write after end");if(this[E])return this.emit("error",Object.assign(new Error("Cannot call write after a stream was destroyed"),{code:"ERR_STREAM_DESTROYED"})),!0;typeof e=="function"&&(s=e,e="utf8"),e||(e="utf8");let i=this[$]?Et:$i;if(!this[R]&&!Buffer.isBuffer(t)){if(Ui(t))t=Buffer.from(t.buffer,t.byteOffset,t.byteLength);else if(Bi(t))t=Buffer.from(t);else if(typeof t!="string")throw new Error("Non-contiguous data written to non-objectMode stream")}return this[R]?(this[k]&&this[A]!==0&&this[It](!0),this[k]?this.emit("data",t):this[Ce](t),this[A]!==0&&this.emit("readable"),s&&i(s),this[k]):t.length?(typeof t=="string"&&!(e===this[z]&&!this[nt]?.lastNeed)&&(t=Buffer.from(t,e)),Buffer.isBuffer(t)&&this[z]&&(t=this[nt].write(t)),this[k]&&this[A]!==0&&this[It](!0),this[k]?this.emit("data",t):this[Ce](t),this[A]!==0&&this.emit("readable"),s&&i(s),this[k]):(this[A]!==0&&this.emit("readable"),s&&i(s),this[k])}read(t){if(this[E])return null;if(this[_]=!1,this[A]===0||t===0||t&&t>this[A])return this[H](),null;this[R]&&(t=null),this[C].length>1&&!this[R]&&(this[C]=[this[z]?this[C].join(""):Buffer.concat(this[C],this[A])]);let e=this[gs](t||null,this[C][0]);return this[H](),e}[gs](t,e){if(this[R])this[Bt]();else{let s=e;t===s.length||t===null?this[Bt]():typeof s=="string"?(this[C][0]=s.slice(t),e=s.slice(0,t),this[A]-=t):(this[C][0]=s.subarray(t),e=s.subarray(0,t),this[A]-=t)}return this.emit("data",e),!this[C].length&&!this[G]&&this.emit("drain"),e}end(t,e,s){return typeof t=="function"&&(s=t,t=void 0),typeof e=="function"&&(s=e,e="utf8"),t!==void 0&&this.write(t,e),s&&this.once("end",s),this[G]=!0,this.writable=!1,(this[k]||!this[xt])&&this[H](),this}[rt](){this[E]||(!this[Q]&&!this[F].length&&(this[_]=!0),this[xt]=!1,this[k]=!0,this.emit("resume"),this[C].length?this[It]():this[G]?this[H]():this.emit("drain"))}resume(){return this[rt]()}pause(){this[k]=!1,this[xt]=!0,this[_]=!1}get destroyed(){return this[E]}get flowing(){return this[k]}get paused(){return this[xt]}[Ce](t){this[R]?this[A]+=1:this[A]+=t.length,this[C].push(t)}[Bt](){return this[R]?this[A]-=1:this[A]-=this[C][0].length,this[C].shift()}[It](t=!1){do;while(this[ws](this[Bt]())&&this[C].length);!t&&!this[C].length&&!this[G]&&this.emit("drain")}[ws](t){return this.emit("data",t),this[k]}pipe(t,e){if(this[E])return t;this[_]=!1;let s=this[Y];return e=e||{},t===ms.stdout||t===ms.stderr?e.end=!1:e.end=e.end!==!1,e.proxyErrors=!!e.proxyErrors,s?e.end&&t.end():(this[F].push(e.proxyErrors?new Fe(this,t,e):new Gt(this,t,e)),this[$]?Et(()=>this[rt]()):this[rt]()),t}unpipe(t){let e=this[F].find(s=>s.dest===t);e&&(this[F].length===1?(this[k]&&this[Q]===0&&(this[k]=!1),this[F]=[]):this[F].splice(this[F].indexOf(e),1),e.unpipe())}addListener(t,e){return this.on(t,e)}on(t,e){let s=super.on(t,e);if(t==="data")this[_]=!1,this[Q]++,!this[F].length&&!this[k]&&this[rt]();else if(t==="readable"&&this[A]!==0)super.emit("readable");else if(Ii(t)&&this[Y])super.emit(t),this.removeAllListeners(t);else if(t==="error"&&this[St]){let i=e;this[$]?Et(()=>i.call(this,this[St])):i.call(this,this[St])}return s}removeListener(t,e){return this.off(t,e)}off(t,e){let s=super.off(t,e);return t==="data"&&(this[Q]=this.listeners("data").length,this[Q]===0&&!this[_]&&!this[F].length&&(this[k]=!1)),s}removeAllListeners(t){let e=super.removeAllListeners(t);return(t==="data"||t===void 0)&&(this[Q]=0,!this[_]&&!this[F].length&&(this[k]=!1)),e}get emittedEnd(){return this[Y]}[H](){!this[Wt]&&!this[Y]&&!this[E]&&this[C].length===0&&this[G]&&(this[Wt]=!0,this.emit("end"),this.emit("prefinish"),this.emit("finish"),this[$t]&&this.emit("close"),this[Wt]=!1)}emit(t,...e){let s=e[0];if(t!=="error"&&t!=="close"&&t!==E&&this[E])return!1;if(t==="data")return!this[R]&&!s?!1:this[$]?(Et(()=>this[Me](s)),!0):this[Me](s);if(t==="end")return this[bs]();if(t==="close"){if(this[$t]=!0,!this[Y]&&!this[E])return!1;let n=super.emit("close");return this.removeAllListeners("close"),n}else if(t==="error"){this[St]=s,super.emit(Ae,s);let n=!this[vt]||this.listeners("error").length?super.emit("error",s):!1;return this[H](),n}else if(t==="resume"){let n=super.emit("resume");return this[H](),n}else if(t==="finish"||t==="prefinish"){let n=super.emit(t);return this.removeAllListeners(t),n}let i=super.emit(t,...e);return this[H](),i}[Me](t){for(let s of this[F])s.dest.write(t)===!1&&this.pause();let e=this[_]?!1:super.emit("data",t);return this[H](),e}[bs](){return this[Y]?!1:(this[Y]=!0,this.readable=!1,this[$]?(Et(()=>this[Re]()),!0):this[Re]())}[Re](){if(this[nt]){let e=this[nt].end();if(e){for(let s of this[F])s.dest.write(e);this[_]||super.emit("data",e)}}for(let e of this[F])e.end();let t=super.emit("end");return this.removeAllListeners("end"),t}async collect(){let t=Object.assign([],{dataLength:0});this[R]||(t.dataLength=0);let e=this.promise();return this.on("data",s=>{t.push(s),this[R]||(t.dataLength+=s.length)}),await e,t}async concat(){if(this[R])throw new Error("cannot concat in objectMode");let t=await this.collect();return this[z]?t.join(""):Buffer.concat(t,t.dataLength)}async promise(){return new Promise((t,e)=>{this.on(E,()=>e(new Error("stream destroyed"))),this.on("error",s=>e(s)),this.on("end",()=>t())})}[Symbol.asyncIterator](){this[_]=!1;let t=!1,e=async()=>(this.pause(),t=!0,{value:void 0,done:!0});return{next:()=>{if(t)return e();let i=this.read();if(i!==null)return Promise.resolve({done:!1,value:i});if(this[G])return e();let n,o,h=f=>{this.off("data",a),this.off("end",l),this.off(E,c),e(),o(f)},a=f=>{this.off("error",h),this.off("end",l),this.off(E,c),this.pause(),n({value:f,done:!!this[G]})},l=()=>{this.off("error",h),this.off("data",a),this.off(E,c),e(),n({done:!0,value:void 0})},c=()=>h(new Error("stream destroyed"));return new Promise((f,u)=>{o=u,n=f,this.once(E,c),this.once("error",h),this.once("end",l),this.once("data",a)})},throw:e,return:e,[Symbol.asyncIterator](){return this},[Symbol.asyncDispose]:async()=>{}}}[Symbol.iterator](){this[_]=!1;let t=!1,e=()=>(this.pause(),this.off(Ae,e),this.off(E,e),this.off("end",e),t=!0,{done:!0,value:void 0}),s=()=>{if(t)return e();let i=this.read();return i===null?e():{done:!1,value:i}};return this.once("end",e),this.once(Ae,e),this.once(E,e),{next:s,throw:e,return:e,[Symbol.iterator](){return this},[Symbol.dispose]:()=>{}}}destroy(t){if(this[E])return t?this.emit("error",t):this.emit(E),this;this[E]=!0,this[_]=!0,this[C].length=0,this[A]=0;let e=this;return typeof e.close=="function"&&!this[$t]&&e.close(),t?this.emit("error",t):this.emit(E),this}static get isStream(){return Li}};var tn=external_fs_namespaceObject.realpathSync.native,Ct={lstatSync:external_fs_namespaceObject.lstatSync,readdir:external_fs_namespaceObject.readdir,readdirSync:external_fs_namespaceObject.readdirSync,readlinkSync:external_fs_namespaceObject.readlinkSync,realpathSync:tn,promises:{lstat:promises_namespaceObject.lstat,readdir:promises_namespaceObject.readdir,readlink:promises_namespaceObject.readlink,realpath:promises_namespaceObject.realpath}},Cs=r=>!r||r===Ct||r===external_node_fs_namespaceObject_0?Ct:{...Ct,...r,promises:{...Ct.promises,...r.promises}},on=/^\\\\\?\\([a-z]:)\\?$/i,hn=/^\\\\\?\\UNC\\([^\\]+\\[^\\]+)\\?$/i,an=/^\\\\[^\\?]+\\[^\\]+$/,Ss=r=>r.replace(/\//g,"\\").replace(on,"$1\\").replace(hn,"\\\\$1\\").replace(an,"$&\\"),ln=/^[\\/]{2}\?[\\/]unc[\\/][^\\/]+[\\/][^\\/]+(?:[\\/]|$)/i,cn=/^[\\/]{2}\?[\\/](?=[a-z]:)/i,fn=/^[\\/]{2}\?[\\/]unc(?=[\\/][^\\/]+[\\/][^\\/])/i,un=/[\\/]/,P=0,As=1,Ms=2,I=4,Rs=6,Os=8,tt=10,Fs=12,N=15,kt=~N,_e=16,xs=32,At=64,L=128,Ht=256,Kt=512,vs=At|L|Kt,dn=1023,De=r=>r.isFile()?Os:r.isDirectory()?I:r.isSymbolicLink()?tt:r.isCharacterDevice()?Ms:r.isBlockDevice()?Rs:r.isSocket()?Fs:r.isFIFO()?As:P,Es=new yt({max:2**12}),Mt=r=>{let t=Es.get(r);if(t)return t;let e=r.normalize("NFKD");return Es.set(r,e),e},ks=new yt({max:2**12}),qt=r=>{let t=ks.get(r);if(t)return t;let e=Mt(r.toLowerCase());return ks.set(r,e),e},Xt=class extends yt{constructor(){super({max:256})}},Pe=class extends yt{constructor(t=16*1024){super({maxSize:t,sizeCalculation:e=>e.length+1})}},Ts=Symbol("PathScurry setAsCwd"),O=class{name;root;roots;parent;nocase;isCWD=!1;#t;#n;get dev(){return this.#n}#i;get mode(){return this.#i}#o;get nlink(){return this.#o}#r;get uid(){return this.#r}#d;get gid(){return this.#d}#u;get rdev(){return this.#u}#f;get blksize(){return this.#f}#h;get ino(){return this.#h}#m;get size(){return this.#m}#l;get blocks(){return this.#l}#a;get atimeMs(){return this.#a}#s;get mtimeMs(){return this.#s}#b;get ctimeMs(){return this.#b}#E;get birthtimeMs(){return this.#E}#y;get atime(){return this.#y}#g;get mtime(){return this.#g}#w;get ctime(){return this.#w}#p;get birthtime(){return this.#p}#k;#C;#x;#v;#S;#M;#e;#T;#_;#R;get parentPath(){return(this.parent||this).fullpath()}get path(){return this.parentPath}constructor(t,e=P,s,i,n,o,h){this.name=t,this.#k=n?qt(t):Mt(t),this.#e=e&dn,this.nocase=n,this.roots=i,this.root=s||this,this.#T=o,this.#x=h.fullpath,this.#S=h.relative,this.#M=h.relativePosix,this.parent=h.parent,this.parent?this.#t=this.parent.#t:this.#t=Cs(h.fs)}get fs(){return this.#t}depth(){return this.#C!==void 0?this.#C:this.parent?this.#C=this.parent.depth()+1:this.#C=0}childrenCache(){return this.#T}resolve(t){if(!t)return this;let e=this.getRootString(t),i=t.substring(e.length).split(this.splitSep);return e?this.getRoot(e).#D(i):this.#D(i)}#D(t){let e=this;for(let s of t)e=e.child(s);return e}children(){let t=this.#T.get(this);if(t)return t;let e=Object.assign([],{provisional:0});return this.#T.set(this,e),this.#e&=~_e,e}child(t,e){if(t===""||t===".")return this;if(t==="..")return this.parent||this;let s=this.children(),i=this.nocase?qt(t):Mt(t);for(let a of s)if(a.#k===i)return a;let n=this.parent?this.sep:"",o=this.#x?this.#x+n+t:void 0,h=this.newChild(t,P,{...e,parent:this,fullpath:o});return this.canReaddir()||(h.#e|=L),s.push(h),h}relative(){if(this.isCWD)return"";if(this.#S!==void 0)return this.#S;let t=this.name,e=this.parent;if(!e)return this.#S=this.name;let s=e.relative();return s+(!s||!e.parent?"":this.sep)+t}relativePosix(){if(this.sep==="/")return this.relative();if(this.isCWD)return"";if(this.#M!==void 0)return this.#M;let t=this.name,e=this.parent;if(!e)return this.#M=this.fullpathPosix();let s=e.relativePosix();return s+(!s||!e.parent?"":"/")+t}fullpath(){if(this.#x!==void 0)return this.#x;let t=this.name,e=this.parent;if(!e)return this.#x=this.name;let i=e.fullpath()+(e.parent?this.sep:"")+t;return this.#x=i}fullpathPosix(){if(this.#v!==void 0)return this.#v;if(this.sep==="/")return this.#v=this.fullpath();if(!this.parent){let i=this.fullpath().replace(/\\/g,"/");return/^[a-z]:\//i.test(i)?this.#v=`//?/${i}`:this.#v=i}let t=this.parent,e=t.fullpathPosix(),s=e+(!e||!t.parent?"":"/")+this.name;return this.#v=s}isUnknown(){return(this.#e&N)===P}isType(t){return this[`is${t}`]()}getType(){return this.isUnknown()?"Unknown":this.isDirectory()?"Directory":this.isFile()?"File":this.isSymbolicLink()?"SymbolicLink":this.isFIFO()?"FIFO":this.isCharacterDevice()?"CharacterDevice":this.isBlockDevice()?"BlockDevice":this.isSocket()?"Socket":"Unknown"}isFile(){return(this.#e&N)===Os}isDirectory(){return(this.#e&N)===I}isCharacterDevice(){return(this.#e&N)===Ms}isBlockDevice(){return(this.#e&N)===Rs}isFIFO(){return(this.#e&N)===As}isSocket(){return(this.#e&N)===Fs}isSymbolicLink(){return(this.#e&tt)===tt}lstatCached(){return this.#e&xs?this:void 0}readlinkCached(){return this.#_}realpathCached(){return this.#R}readdirCached(){let t=this.children();return t.slice(0,t.provisional)}canReadlink(){if(this.#_)return!0;if(!this.parent)return!1;let t=this.#e&N;return!(t!==P&&t!==tt||this.#e&Ht||this.#e&L)}calledReaddir(){return!!(this.#e&_e)}isENOENT(){return!!(this.#e&L)}isNamed(t){return this.nocase?this.#k===qt(t):this.#k===Mt(t)}async readlink(){let t=this.#_;if(t)return t;if(this.canReadlink()&&this.parent)try{let e=await this.#t.promises.readlink(this.fullpath()),s=(await this.parent.realpath())?.resolve(e);if(s)return this.#_=s}catch(e){this.#F(e.code);return}}readlinkSync(){let t=this.#_;if(t)return t;if(this.canReadlink()&&this.parent)try{let e=this.#t.readlinkSync(this.fullpath()),s=this.parent.realpathSync()?.resolve(e);if(s)return this.#_=s}catch(e){this.#F(e.code);return}}#W(t){this.#e|=_e;for(let e=t.provisional;e<t.length;e++){let s=t[e];s&&s.#A()}}#A(){this.#e&L||(this.#e=(this.#e|L)&kt,this.#G())}#G(){let t=this.children();t.provisional=0;for(let e of t)e.#A()}#P(){this.#e|=Kt,this.#N()}#N(){if(this.#e&At)return;let t=this.#e;(t&N)===I&&(t&=kt),this.#e=t|At,this.#G()}#$(t=""){t==="ENOTDIR"||t==="EPERM"?this.#N():t==="ENOENT"?this.#A():this.children().provisional=0}#O(t=""){t==="ENOTDIR"?this.parent.#N():t==="ENOENT"&&this.#A()}#F(t=""){let e=this.#e;e|=Ht,t==="ENOENT"&&(e|=L),(t==="EINVAL"||t==="UNKNOWN")&&(e&=kt),this.#e=e,t==="ENOTDIR"&&this.parent&&this.parent.#N()}#I(t,e){return this.#U(t,e)||this.#z(t,e)}#z(t,e){let s=De(t),i=this.newChild(t.name,s,{parent:this}),n=i.#e&N;return n!==I&&n!==tt&&n!==P&&(i.#e|=At),e.unshift(i),e.provisional++,i}#U(t,e){for(let s=e.provisional;s<e.length;s++){let i=e[s];if((this.nocase?qt(t.name):Mt(t.name))===i.#k)return this.#V(t,i,s,e)}}#V(t,e,s,i){let n=e.name;return e.#e=e.#e&kt|De(t),n!==t.name&&(e.name=t.name),s!==i.provisional&&(s===i.length-1?i.pop():i.splice(s,1),i.unshift(e)),i.provisional++,e}async lstat(){if((this.#e&L)===0)try{return this.#H(await this.#t.promises.lstat(this.fullpath())),this}catch(t){this.#O(t.code)}}lstatSync(){if((this.#e&L)===0)try{return this.#H(this.#t.lstatSync(this.fullpath())),this}catch(t){this.#O(t.code)}}#H(t){let{atime:e,atimeMs:s,birthtime:i,birthtimeMs:n,blksize:o,blocks:h,ctime:a,ctimeMs:l,dev:c,gid:f,ino:u,mode:p,mtime:g,mtimeMs:d,nlink:w,rdev:m,size:b,uid:x}=t;this.#y=e,this.#a=s,this.#p=i,this.#E=n,this.#f=o,this.#l=h,this.#w=a,this.#b=l,this.#n=c,this.#d=f,this.#h=u,this.#i=p,this.#g=g,this.#s=d,this.#o=w,this.#u=m,this.#m=b,this.#r=x;let S=De(t);this.#e=this.#e&kt|S|xs,S!==P&&S!==I&&S!==tt&&(this.#e|=At)}#L=[];#c=!1;#q(t){this.#c=!1;let e=this.#L.slice();this.#L.length=0,e.forEach(s=>s(null,t))}readdirCB(t,e=!1){if(!this.canReaddir()){e?t(null,[]):queueMicrotask(()=>t(null,[]));return}let s=this.children();if(this.calledReaddir()){let n=s.slice(0,s.provisional);e?t(null,n):queueMicrotask(()=>t(null,n));return}if(this.#L.push(t),this.#c)return;this.#c=!0;let i=this.fullpath();this.#t.readdir(i,{withFileTypes:!0},(n,o)=>{if(n)this.#$(n.code),s.provisional=0;else{for(let h of o)this.#I(h,s);this.#W(s)}this.#q(s.slice(0,s.provisional))})}#B;async readdir(){if(!this.canReaddir())return[];let t=this.children();if(this.calledReaddir())return t.slice(0,t.provisional);let e=this.fullpath();if(this.#B)await this.#B;else{let s=()=>{};this.#B=new Promise(i=>s=i);try{for(let i of await this.#t.promises.readdir(e,{withFileTypes:!0}))this.#I(i,t);this.#W(t)}catch(i){this.#$(i.code),t.provisional=0}this.#B=void 0,s()}return t.slice(0,t.provisional)}readdirSync(){if(!this.canReaddir())return[];let t=this.children();if(this.calledReaddir())return t.slice(0,t.provisional);let e=this.fullpath();try{for(let s of this.#t.readdirSync(e,{withFileTypes:!0}))this.#I(s,t);this.#W(t)}catch(s){this.#$(s.code),t.provisional=0}return t.slice(0,t.provisional)}canReaddir(){if(this.#e&vs)return!1;let t=N&this.#e;return t===P||t===I||t===tt}shouldWalk(t,e){return(this.#e&I)===I&&!(this.#e&vs)&&!t.has(this)&&(!e||e(this))}async realpath(){if(this.#R)return this.#R;if(!((Kt|Ht|L)&this.#e))try{let t=await this.#t.promises.realpath(this.fullpath());return this.#R=this.resolve(t)}catch{this.#P()}}realpathSync(){if(this.#R)return this.#R;if(!((Kt|Ht|L)&this.#e))try{let t=this.#t.realpathSync(this.fullpath());return this.#R=this.resolve(t)}catch{this.#P()}}[Ts](t){if(t===this)return;t.isCWD=!1,this.isCWD=!0;let e=new Set([]),s=[],i=this;for(;i&&i.parent;)e.add(i),i.#S=s.join(this.sep),i.#M=s.join("/"),i=i.parent,s.push("..");for(i=t;i&&i.parent&&!e.has(i);)i.#S=void 0,i.#M=void 0,i=i.parent}},Vt=class r extends O{sep="\\";splitSep=un;constructor(t,e=P,s,i,n,o,h){super(t,e,s,i,n,o,h)}newChild(t,e=P,s={}){return new r(t,e,this.root,this.roots,this.nocase,this.childrenCache(),s)}getRootString(t){return ln.exec(t)?.[0]??external_node_path_namespaceObject.win32.parse(t).root}getRoot(t){if(t=Ss(t.toUpperCase()),t===this.root.name||/^[\\/]$/.test(t))return this.root;for(let[e,s]of Object.entries(this.roots))if(this.sameRoot(t,e))return this.roots[t]=s;return this.roots[t]=new ot(t,{nocase:this.nocase,fs:this.fs}).root}sameRoot(t,e=this.root.name){return Ss(t.toUpperCase())===e}},Yt=class r extends O{splitSep="/";sep="/";constructor(t,e=P,s,i,n,o,h){super(t,e,s,i,n,o,h)}getRootString(t){return t.startsWith("/")?"/":""}getRoot(t){return this.root}newChild(t,e=P,s={}){return new r(t,e,this.root,this.roots,this.nocase,this.childrenCache(),s)}},Jt=class{root;rootPath;roots;cwd;#t;#n;#i;nocase;#o;constructor(t=process.cwd(),e,s,{nocase:i,childrenCacheSize:n=16*1024,fs:o=Ct}={}){this.#o=Cs(o),(t instanceof URL||t.startsWith("file://"))&&(t=(0,external_node_url_namespaceObject.fileURLToPath)(t));let h=e.resolve(t);this.roots=Object.create(null),this.rootPath=this.parseRootPath(h),this.#t=new Xt,this.#n=new Xt,this.#i=new Pe(n);let a=h.substring(this.rootPath.length).split(s);if(a.length===1&&!a[0]&&a.pop(),i===void 0)throw new TypeError("must provide nocase setting to PathScurryBase ctor");this.nocase=i,this.root=this.newRoot(this.#o),this.roots[this.rootPath]=this.root;let l=this.root,c=a.length-1,f=e.sep,u=this.rootPath,p=!1;for(let g of a){let d=c--;l=l.child(g,{relative:new Array(d).fill("..").join(f),relativePosix:new Array(d).fill("..").join("/"),fullpath:u+=(p?"":f)+g}),p=!0}this.cwd=l}depth(t=this.cwd){return typeof t=="string"&&(t=this.cwd.resolve(t)),t.depth()}childrenCache(){return this.#i}resolve(...t){let e="";for(let n=t.length-1;n>=0;n--){let o=t[n];if(!(!o||o===".")&&(e=e?`${o}/${e}`:o,this.isAbsolute(o)))break}let s=this.#t.get(e);if(s!==void 0)return s;let i=this.cwd.resolve(e).fullpath();return this.#t.set(e,i),i}resolvePosix(...t){let e="";for(let n=t.length-1;n>=0;n--){let o=t[n];if(!(!o||o===".")&&(e=e?`${o}/${e}`:o,this.isAbsolute(o)))break}let s=this.#n.get(e);if(s!==void 0)return s;let i=this.cwd.resolve(e).fullpathPosix();return this.#n.set(e,i),i}relative(t=this.cwd){return typeof t=="string"&&(t=this.cwd.resolve(t)),t.relative()}relativePosix(t=this.cwd){return typeof t=="string"&&(t=this.cwd.resolve(t)),t.relativePosix()}basename(t=this.cwd){return typeof t=="string"&&(t=this.cwd.resolve(t)),t.name}dirname(t=this.cwd){return typeof t=="string"&&(t=this.cwd.resolve(t)),(t.parent||t).fullpath()}async readdir(t=this.cwd,e={withFileTypes:!0}){typeof t=="string"?t=this.cwd.resolve(t):t instanceof O||(e=t,t=this.cwd);let{withFileTypes:s}=e;if(t.canReaddir()){let i=await t.readdir();return s?i:i.map(n=>n.name)}else return[]}readdirSync(t=this.cwd,e={withFileTypes:!0}){typeof t=="string"?t=this.cwd.resolve(t):t instanceof O||(e=t,t=this.cwd);let{withFileTypes:s=!0}=e;return t.canReaddir()?s?t.readdirSync():t.readdirSync().map(i=>i.name):[]}async lstat(t=this.cwd){return typeof t=="string"&&(t=this.cwd.resolve(t)),t.lstat()}lstatSync(t=this.cwd){return typeof t=="string"&&(t=this.cwd.resolve(t)),t.lstatSync()}async readlink(t=this.cwd,{withFileTypes:e}={withFileTypes:!1}){typeof t=="string"?t=this.cwd.resolve(t):t instanceof O||(e=t.withFileTypes,t=this.cwd);let s=await t.readlink();return e?s:s?.fullpath()}readlinkSync(t=this.cwd,{withFileTypes:e}={withFileTypes:!1}){typeof t=="string"?t=this.cwd.resolve(t):t instanceof O||(e=t.withFileTypes,t=this.cwd);let s=t.readlinkSync();return e?s:s?.fullpath()}async realpath(t=this.cwd,{withFileTypes:e}={withFileTypes:!1}){typeof t=="string"?t=this.cwd.resolve(t):t instanceof O||(e=t.withFileTypes,t=this.cwd);let s=await t.realpath();return e?s:s?.fullpath()}realpathSync(t=this.cwd,{withFileTypes:e}={withFileTypes:!1}){typeof t=="string"?t=this.cwd.resolve(t):t instanceof O||(e=t.withFileTypes,t=this.cwd);let s=t.realpathSync();return e?s:s?.fullpath()}async walk(t=this.cwd,e={}){typeof t=="string"?t=this.cwd.resolve(t):t instanceof O||(e=t,t=this.cwd);let{withFileTypes:s=!0,follow:i=!1,filter:n,walkFilter:o}=e,h=[];(!n||n(t))&&h.push(s?t:t.fullpath());let a=new Set,l=(f,u)=>{a.add(f),f.readdirCB((p,g)=>{if(p)return u(p);let d=g.length;if(!d)return u();let w=()=>{--d===0&&u()};for(let m of g)(!n||n(m))&&h.push(s?m:m.fullpath()),i&&m.isSymbolicLink()?m.realpath().then(b=>b?.isUnknown()?b.lstat():b).then(b=>b?.shouldWalk(a,o)?l(b,w):w()):m.shouldWalk(a,o)?l(m,w):w()},!0)},c=t;return new Promise((f,u)=>{l(c,p=>{if(p)return u(p);f(h)})})}walkSync(t=this.cwd,e={}){typeof t=="string"?t=this.cwd.resolve(t):t instanceof O||(e=t,t=this.cwd);let{withFileTypes:s=!0,follow:i=!1,filter:n,walkFilter:o}=e,h=[];(!n||n(t))&&h.push(s?t:t.fullpath());let a=new Set([t]);for(let l of a){let c=l.readdirSync();for(let f of c){(!n||n(f))&&h.push(s?f:f.fullpath());let u=f;if(f.isSymbolicLink()){if(!(i&&(u=f.realpathSync())))continue;u.isUnknown()&&u.lstatSync()}u.shouldWalk(a,o)&&a.add(u)}}return h}[Symbol.asyncIterator](){return this.iterate()}iterate(t=this.cwd,e={}){return typeof t=="string"?t=this.cwd.resolve(t):t instanceof O||(e=t,t=this.cwd),this.stream(t,e)[Symbol.asyncIterator]()}[Symbol.iterator](){return this.iterateSync()}*iterateSync(t=this.cwd,e={}){typeof t=="string"?t=this.cwd.resolve(t):t instanceof O||(e=t,t=this.cwd);let{withFileTypes:s=!0,follow:i=!1,filter:n,walkFilter:o}=e;(!n||n(t))&&(yield s?t:t.fullpath());let h=new Set([t]);for(let a of h){let l=a.readdirSync();for(let c of l){(!n||n(c))&&(yield s?c:c.fullpath());let f=c;if(c.isSymbolicLink()){if(!(i&&(f=c.realpathSync())))continue;f.isUnknown()&&f.lstatSync()}f.shouldWalk(h,o)&&h.add(f)}}}stream(t=this.cwd,e={}){typeof t=="string"?t=this.cwd.resolve(t):t instanceof O||(e=t,t=this.cwd);let{withFileTypes:s=!0,follow:i=!1,filter:n,walkFilter:o}=e,h=new J({objectMode:!0});(!n||n(t))&&h.write(s?t:t.fullpath());let a=new Set,l=[t],c=0,f=()=>{let u=!1;for(;!u;){let p=l.shift();if(!p){c===0&&h.end();return}c++,a.add(p);let g=(w,m,b=!1)=>{if(w)return h.emit("error",w);if(i&&!b){let x=[];for(let S of m)S.isSymbolicLink()&&x.push(S.realpath().then(y=>y?.isUnknown()?y.lstat():y));if(x.length){Promise.all(x).then(()=>g(null,m,!0));return}}for(let x of m)x&&(!n||n(x))&&(h.write(s?x:x.fullpath())||(u=!0));c--;for(let x of m){let S=x.realpathCached()||x;S.shouldWalk(a,o)&&l.push(S)}u&&!h.flowing?h.once("drain",f):d||f()},d=!0;p.readdirCB(g,!0),d=!1}};return f(),h}streamSync(t=this.cwd,e={}){typeof t=="string"?t=this.cwd.resolve(t):t instanceof O||(e=t,t=this.cwd);let{withFileTypes:s=!0,follow:i=!1,filter:n,walkFilter:o}=e,h=new J({objectMode:!0}),a=new Set;(!n||n(t))&&h.write(s?t:t.fullpath());let l=[t],c=0,f=()=>{let u=!1;for(;!u;){let p=l.shift();if(!p){c===0&&h.end();return}c++,a.add(p);let g=p.readdirSync();for(let d of g)(!n||n(d))&&(h.write(s?d:d.fullpath())||(u=!0));c--;for(let d of g){let w=d;if(d.isSymbolicLink()){if(!(i&&(w=d.realpathSync())))continue;w.isUnknown()&&w.lstatSync()}w.shouldWalk(a,o)&&l.push(w)}}u&&!h.flowing&&h.once("drain",f)};return f(),h}chdir(t=this.cwd){let e=this.cwd;this.cwd=typeof t=="string"?this.cwd.resolve(t):t,this.cwd[Ts](e)}},ot=class extends Jt{sep="\\";constructor(t=process.cwd(),e={}){let{nocase:s=!0}=e;typeof t=="string"&&!t.startsWith("file://")&&(t=t.replace(cn,"").replace(fn,"\\")),super(t,external_node_path_namespaceObject.win32,"\\",{...e,nocase:s}),this.nocase=s;for(let i=this.cwd;i;i=i.parent)i.nocase=this.nocase}parseRootPath(t){return external_node_path_namespaceObject.win32.parse(t).root.toUpperCase()}newRoot(t){return new Vt(this.rootPath,I,void 0,this.roots,this.nocase,this.childrenCache(),{fs:t})}isAbsolute(t){return t.startsWith("/")||t.startsWith("\\")||/^[a-z]:(\/|\\)/i.test(t)}},ht=class extends Jt{sep="/";constructor(t=process.cwd(),e={}){let{nocase:s=!1}=e;super(t,external_node_path_namespaceObject.posix,"/",{...e,nocase:s}),this.nocase=s}parseRootPath(t){return"/"}newRoot(t){return new Yt(this.rootPath,I,void 0,this.roots,this.nocase,this.childrenCache(),{fs:t})}isAbsolute(t){return t.startsWith("/")}},Rt=class extends ht{constructor(t=process.cwd(),e={}){let{nocase:s=!0}=e;super(t,{...e,nocase:s})}},rr=process.platform==="win32"?Vt:Yt,_s=process.platform==="win32"?ot:process.platform==="darwin"?Rt:ht;var pn=r=>r.length>=1,mn=r=>r.length>=1,gn=Symbol.for("nodejs.util.inspect.custom"),at=class r{#t;#n;#i;length;#o;#r;#d;#u;#f;#h;#m=!0;constructor(t,e,s,i){if(!pn(t))throw new TypeError("empty pattern list");if(!mn(e))throw new TypeError("empty glob list");if(e.length!==t.length)throw new TypeError("mismatched pattern list and glob list lengths");if(this.length=t.length,s<0||s>=this.length)throw new TypeError("index out of range");if(this.#t=t,this.#n=e,this.#i=s,this.#o=i,this.#i===0){if(this.isUNC()){let n=this.#l()?6:4,o=this.#t.slice(0,n),h=this.#n.slice(0,n),a=this.#t.slice(n),l=this.#n.slice(n);a[0]===""&&(a.shift(),l.shift());let c=[...o,""].join("/"),f=[...h,""].join("/");this.#t=[c,...a],this.#n=[f,...l],this.length=this.#t.length}else if(this.isDrive()||this.isAbsolute()){let[n,...o]=this.#t,[h,...a]=this.#n;o[0]===""&&(o.shift(),a.shift());let l=`${n}/`,c=`${h}/`;this.#t=[l,...o],this.#n=[c,...a],this.length=this.#t.length}}}[gn](){return`Pattern <${this.#n.slice(this.#i).join("/")}>`}pattern(){return this.#t[this.#i]}isString(){return typeof this.#t[this.#i]=="string"}isGlobstar(){return this.#t[this.#i]===v}isMatcher(){return typeof this.#t[this.#i]=="object"}globString(){return this.#d=this.#d||(this.#i===0?this.isAbsolute()?this.#n[0]+this.#n.slice(1).join("/"):this.#n.join("/"):this.#n.slice(this.#i).join("/"))}hasMore(){return this.length>this.#i+1}rest(){return this.#r!==void 0?this.#r:this.hasMore()?(this.#r=new r(this.#t,this.#n,this.#i+1,this.#o),this.#r.#h=this.#h,this.#r.#f=this.#f,this.#r.#u=this.#u,this.#r):this.#r=null}#l(){let t=this.#t;return t[2]==="?"&&typeof t[3]=="string"&&/^unc$/i.test(t[3])}isUNC(){let t=this.#t,e=this.#l()?4:2;return this.#f!==void 0?this.#f:this.#f=this.#o==="win32"&&this.#i===0&&t[0]===""&&t[1]===""&&typeof t[e]=="string"&&!!t[e]&&typeof t[e+1]=="string"&&!!t[e+1]}isDrive(){let t=this.#t;return this.#u!==void 0?this.#u:this.#u=this.#o==="win32"&&this.#i===0&&this.length>1&&typeof t[0]=="string"&&/^[a-z]:$/i.test(t[0])}isAbsolute(){let t=this.#t;return this.#h!==void 0?this.#h:this.#h=t[0]===""&&t.length>1||this.isDrive()||this.isUNC()}root(){let t=this.#t[0];return typeof t=="string"&&this.isAbsolute()&&this.#i===0?t:""}checkFollowGlobstar(){return!(this.#i===0||!this.isGlobstar()||!this.#m)}markFollowGlobstar(){return this.#i===0||!this.isGlobstar()||!this.#m?!1:(this.#m=!1,!0)}};var wn=typeof process=="object"&&process&&typeof process.platform=="string"?process.platform:"linux",lt=class{relative;relativeChildren;absolute;absoluteChildren;platform;mmopts;slashRoot;constructor(t,{nobrace:e,nocase:s,noext:i,noglobstar:n,normalize:o,platform:h=wn,root:a,windowsPathsNoEscape:l,allowWindowsEscape:c,braceExpandMax:f=1e4},u){this.relative=[],this.absolute=[],this.relativeChildren=[],this.absoluteChildren=[],this.platform=h,l=!!l||c===!1,this.mmopts={braceExpandMax:f,dot:!0,nobrace:e,nocase:s,noext:i,noglobstar:n,normalize:o,optimizationLevel:2,platform:h,nocomment:!0,nonegate:!0,windowsPathsNoEscape:l};let p=u?.resolve(a??"/").fullpath()??"/";this.slashRoot=K(p.replace(/\\/g,"/").replace(/\/$/,""),{magicalBraces:!0,windowsPathsNoEscape:l});for(let g of t)this.add(g)}add(t){let e=new D(t,this.mmopts);for(let s=0;s<e.set.length;s++){let i=e.set[s],n=e.globParts[s];if(!i||!n)throw new Error("invalid pattern object");for(;i[0]==="."&&n[0]===".";)i.shift(),n.shift();let o=new at(i,n,0,this.platform),h=o.root()==="/"?`${this.slashRoot}/${o.rest()?.globString()??""}`:o.globString(),a=new D(h,this.mmopts),l=n[n.length-1]==="**",c=o.isAbsolute();c?this.absolute.push(a):this.relative.push(a),l&&(c?this.absoluteChildren.push(a):this.relativeChildren.push(a))}}ignored(t){let e=t.fullpath(),s=`${e}/`,i=t.relative()||".",n=`${i}/`;for(let o of this.relative)if(o.match(i)||o.match(n))return!0;for(let o of this.absolute)if(o.match(e)||o.match(s))return!0;return!1}childrenIgnored(t){let e=`${t.fullpath()}/`,s=`${t.relative()||"."}/`;for(let i of this.relativeChildren)if(i.match(s))return!0;for(let i of this.absoluteChildren)if(i.match(e))return!0;return!1}};var ze=class r{parent;store;constructor(t){this.parent=t}copy(){return new r(this)}#t(t){let e=this.store?.get(t);return e||!this.parent?e:this.parent.#t(t)}hasWalked(t,e){return!!this.#t(t.fullpath())?.has(e.globString())}storeWalked(t,e){let s=t.fullpath(),i=this.#t(s);i?i.add(e.globString()):(this.store??=new Map).set(s,new Set([e.globString()]))}},Ot=class r{static ABSOLUTE=2;static IF_DIR=1;store=new Map;add(t,e,s){let i=(e?r.ABSOLUTE:0)|(s?r.IF_DIR:0),n=this.store.get(t);this.store.set(t,n===void 0?i:i&n)}},Le=class{store=new Map;add(t,e){if(!t.canReaddir())return;let s=this.store.get(t);s?s.find(i=>i.globString()===e.globString())||s.push(e):this.store.set(t,[e])}get(t){let e=this.store.get(t);if(!e)throw new Error("attempting to walk unknown path");return e}entries(){return this.keys().map(t=>[t,this.store.get(t)])}keys(){return[...this.store.keys()].filter(t=>t.canReaddir())}},Ft=class r{hasWalkedCache;matches=new Ot;subwalks=new Le;patterns;follow;dot;opts;constructor(t,e){this.opts=t,this.follow=!!t.follow,this.dot=!!t.dot,this.hasWalkedCache=e?e.copy():new ze}processPatterns(t,e){this.patterns=e;let s=e.map(i=>[t,i]);for(let[i,n]of s){this.hasWalkedCache.storeWalked(i,n);let o=n.root(),h=n.isAbsolute()&&this.opts.absolute!==!1;if(o){i=i.resolve(o==="/"&&this.opts.root!==void 0?this.opts.root:o);let f=n.rest();if(f)n=f;else{this.matches.add(i,!0,!1);continue}}if(i.isENOENT())continue;let a,l,c=!1;for(;typeof(a=n.pattern())=="string"&&(l=n.rest());)i=i.resolve(a),n=l,c=!0;if(a=n.pattern(),l=n.rest(),c){if(this.hasWalkedCache.hasWalked(i,n))continue;this.hasWalkedCache.storeWalked(i,n)}if(typeof a=="string"){let f=a===".."||a===""||a===".";this.matches.add(i.resolve(a),h,f);continue}else if(a===v){(!i.isSymbolicLink()||this.follow||n.checkFollowGlobstar())&&this.subwalks.add(i,n);let f=l?.pattern(),u=l?.rest();if(!l||(f===""||f===".")&&!u)this.matches.add(i,h,f===""||f===".");else if(f===".."){let p=i.parent||i;u?this.hasWalkedCache.hasWalked(p,u)||this.subwalks.add(p,u):this.matches.add(p,h,!0)}}else typeof a=="object"&&this.subwalks.add(i,n)}return this}subwalkTargets(){return this.subwalks.keys()}child(){return new r(this.opts,this.hasWalkedCache)}filterEntries(t,e){let s=this.subwalks.get(t),i=this.child();for(let n of e)for(let o of s){let h=o.isAbsolute(),a=o.pattern(),l=o.rest();a===v?i.testGlobstar(n,o,l,h):typeof a=="object"?i.testMatcher(n,a,l,h):i.testString(n,a,l,h)}return i}testGlobstar(t,e,s,i){if((this.dot||!t.name.startsWith("."))&&(e.hasMore()||this.matches.add(t,i,!1),t.canReaddir()&&(this.follow||!t.isSymbolicLink()?this.subwalks.add(t,e):t.isSymbolicLink()&&(s&&e.checkFollowGlobstar()?this.subwalks.add(t,s):e.markFollowGlobstar()&&this.subwalks.add(t,e)))),s){let n=s.pattern();if(typeof n=="string"&&n!==".."&&n!==""&&n!==".")this.testString(t,n,s.rest(),i);else if(n===".."){let o=t.parent||t;this.subwalks.add(o,s)}else typeof n=="object"&&this.testMatcher(t,n,s.rest(),i)}}testMatcher(t,e,s,i){e.testUnchecked(t.name)&&(s?this.subwalks.add(t,s):this.matches.add(t,i,!1))}testString(t,e,s,i){t.isNamed(e)&&(s?this.subwalks.add(t,s):this.matches.add(t,i,!1))}};var{ABSOLUTE:Zt,IF_DIR:Qt}=Ot,bn=(r,t,e)=>typeof r=="string"?new lt([r],t,e):Array.isArray(r)?new lt(r,t,e):r,te=class{path;patterns;opts;seen=new Set;paused=!1;aborted=!1;#t=[];#n;#i;signal;maxDepth;includeChildMatches;constructor(t,e,s){if(this.patterns=t,this.path=e,this.opts=s,this.#i=!s.posix&&s.platform==="win32"?"\\":"/",this.includeChildMatches=s.includeChildMatches!==!1,(s.ignore||!this.includeChildMatches)&&(this.#n=bn(s.ignore??[],s,e),!this.includeChildMatches&&typeof this.#n.add!="function")){let i="cannot ignore child matches, ignore lacks add() method.";throw new Error(i)}this.maxDepth=s.maxDepth||1/0,s.signal&&(this.signal=s.signal,this.signal.addEventListener("abort",()=>{this.#t.length=0}))}#o(t){return this.seen.has(t)||!!this.#n?.ignored?.(t)}#r(t){return!!this.#n?.childrenIgnored?.(t)}pause(){this.paused=!0}resume(){if(this.signal?.aborted)return;this.paused=!1;let t;for(;!this.paused&&(t=this.#t.shift());)t()}onResume(t){this.paused?this.#t.push(t):t()}async matchCheck(t,e){if(e&&this.opts.nodir)return;let s,i;if(this.opts.realpath){if(s=t.realpathCached()||await t.realpath(),!s)return;i=s}else i=t;let o=i.isUnknown()||this.opts.stat?await i.lstat():i;if(this.opts.follow&&this.opts.nodir&&o?.isSymbolicLink()){let h=await o.realpath();h&&(h.isUnknown()||this.opts.stat)&&await h.lstat()}return this.matchCheckTest(o,e)}matchCheckTest(t,e){return t&&(this.maxDepth===1/0||t.depth()<=this.maxDepth)&&(!e||t.canReaddir())&&(!this.opts.nodir||!t.isDirectory())&&(!this.opts.nodir||!this.opts.follow||!t.isSymbolicLink()||!t.realpathCached()?.isDirectory())&&!this.#o(t)?t:void 0}matchCheckSync(t,e){if(e&&this.opts.nodir)return;let s,i;if(this.opts.realpath){if(s=t.realpathCached()||t.realpathSync(),!s)return;i=s}else i=t;let o=i.isUnknown()||this.opts.stat?i.lstatSync():i;if(this.opts.follow&&this.opts.nodir&&o?.isSymbolicLink()){let h=o.realpathSync();h&&(h?.isUnknown()||this.opts.stat)&&h.lstatSync()}return this.matchCheckTest(o,e)}matchFinish(t,e){this.#o(t)||this.#d(t,e)}#d(t,e){if(!this.includeChildMatches&&this.#n?.add){let n=`${t.relativePosix()}/**`;this.#n.add(n)}let s=this.opts.absolute===void 0?e:this.opts.absolute;this.seen.add(t);let i=this.opts.mark&&t.isDirectory()?this.#i:"";if(this.opts.withFileTypes)this.matchEmit(t);else if(s){let n=this.opts.posix?t.fullpathPosix():t.fullpath();this.matchEmit(n+i)}else{let n=this.opts.posix?t.relativePosix():t.relative(),o=this.opts.dotRelative&&!n.startsWith(`..${this.#i}`)?`.${this.#i}`:"";this.matchEmit(n?o+n+i:`.${i}`)}}async match(t,e,s){let i=await this.matchCheck(t,s);i&&this.matchFinish(i,e)}matchSync(t,e,s){let i=this.matchCheckSync(t,s);i&&this.#d(i,e)}walkCB(t,e,s){if(this.signal?.aborted)return s();this.walkCB2(t,e,new Ft(this.opts),s)}walkCB2(t,e,s,i){if(this.#r(t)||this.signal?.aborted)return i();if(this.paused){this.onResume(()=>this.walkCB2(t,e,s,i));return}s.processPatterns(t,e);let n=1,o=()=>{--n===0&&i()};for(let[h,a]of s.matches.store)this.#o(h)||(n++,this.match(h,!!(a&Zt),!!(a&Qt)).then(()=>o()));for(let h of s.subwalkTargets()){if(this.maxDepth!==1/0&&h.depth()>=this.maxDepth)continue;n++;let a=h.readdirCached();h.calledReaddir()?this.walkCB3(h,a,s,o):h.readdirCB((l,c)=>this.walkCB3(h,c,s,o),!0)}o()}walkCB3(t,e,s,i){let n=s.filterEntries(t,e),o=1,h=()=>{--o===0&&i()};for(let[a,l]of n.matches.store)this.#o(a)||(o++,this.match(a,!!(l&Zt),!!(l&Qt)).then(()=>h()));for(let[a,l]of n.subwalks.entries())o++,this.walkCB2(a,l,n.child(),h);h()}walkCBSync(t,e,s){if(this.signal?.aborted)return s();this.walkCB2Sync(t,e,new Ft(this.opts),s)}walkCB2Sync(t,e,s,i){if(this.#r(t)||this.signal?.aborted)return i();if(this.paused){this.onResume(()=>this.walkCB2Sync(t,e,s,i));return}s.processPatterns(t,e);let n=1,o=()=>{--n===0&&i()};for(let[h,a]of s.matches.store)this.#o(h)||this.matchSync(h,!!(a&Zt),!!(a&Qt));for(let h of s.subwalkTargets()){if(this.maxDepth!==1/0&&h.depth()>=this.maxDepth)continue;n++;let a=h.readdirSync();this.walkCB3Sync(h,a,s,o)}o()}walkCB3Sync(t,e,s,i){let n=s.filterEntries(t,e),o=1,h=()=>{--o===0&&i()};for(let[a,l]of n.matches.store)this.#o(a)||this.matchSync(a,!!(l&Zt),!!(l&Qt));for(let[a,l]of n.subwalks.entries())o++,this.walkCB2Sync(a,l,n.child(),h);h()}},Tt=class extends te{matches=[];constructor(t,e,s){super(t,e,s)}matchEmit(t){this.matches.push(t)}async walk(){if(this.signal?.aborted)throw this.signal.reason;return this.path.isUnknown()&&await this.path.lstat(),await new Promise((t,e)=>{this.walkCB(this.path,this.patterns,()=>{this.signal?.aborted?e(this.signal.reason):t(this.matches)})}),this.matches}walkSync(){if(this.signal?.aborted)throw this.signal.reason;return this.path.isUnknown()&&this.path.lstatSync(),this.walkCBSync(this.path,this.patterns,()=>{if(this.signal?.aborted)throw this.signal.reason}),this.matches}},_t=class extends te{results;constructor(t,e,s){super(t,e,s),this.results=new J({signal:this.signal,objectMode:!0}),this.results.on("drain",()=>this.resume()),this.results.on("resume",()=>this.resume())}matchEmit(t){this.results.write(t),this.results.flowing||this.pause()}stream(){let t=this.path;return t.isUnknown()?t.lstat().then(()=>{this.walkCB(t,this.patterns,()=>this.results.end())}):this.walkCB(t,this.patterns,()=>this.results.end()),this.results}streamSync(){return this.path.isUnknown()&&this.path.lstatSync(),this.walkCBSync(this.path,this.patterns,()=>this.results.end()),this.results}};var Sn=typeof process=="object"&&process&&typeof process.platform=="string"?process.platform:"linux",j=class{absolute;cwd;root;dot;dotRelative;follow;ignore;magicalBraces;mark;matchBase;maxDepth;nobrace;nocase;nodir;noext;noglobstar;pattern;platform;realpath;scurry;stat;signal;windowsPathsNoEscape;withFileTypes;includeChildMatches;opts;patterns;constructor(t,e){if(!e)throw new TypeError("glob options required");if(this.withFileTypes=!!e.withFileTypes,this.signal=e.signal,this.follow=!!e.follow,this.dot=!!e.dot,this.dotRelative=!!e.dotRelative,this.nodir=!!e.nodir,this.mark=!!e.mark,e.cwd?(e.cwd instanceof URL||e.cwd.startsWith("file://"))&&(e.cwd=(0,external_node_url_namespaceObject.fileURLToPath)(e.cwd)):this.cwd="",this.cwd=e.cwd||"",this.root=e.root,this.magicalBraces=!!e.magicalBraces,this.nobrace=!!e.nobrace,this.noext=!!e.noext,this.realpath=!!e.realpath,this.absolute=e.absolute,this.includeChildMatches=e.includeChildMatches!==!1,this.noglobstar=!!e.noglobstar,this.matchBase=!!e.matchBase,this.maxDepth=typeof e.maxDepth=="number"?e.maxDepth:1/0,this.stat=!!e.stat,this.ignore=e.ignore,this.withFileTypes&&this.absolute!==void 0)throw new Error("cannot set absolute and withFileTypes:true");let s=typeof t=="string"?[t]:t;if(this.windowsPathsNoEscape=!!e.windowsPathsNoEscape||e.allowWindowsEscape===!1,this.windowsPathsNoEscape&&(s=s.map(l=>l.replace(/\\/g,"/"))),this.matchBase){if(e.noglobstar)throw new TypeError("base matching requires globstar");s=s.map(l=>l.includes("/")?l:`./**/${l}`)}if(this.pattern=s,this.platform=e.platform||Sn,this.opts={...e,platform:this.platform},e.scurry){if(this.scurry=e.scurry,e.nocase!==void 0&&e.nocase!==e.scurry.nocase)throw new Error("nocase option contradicts provided scurry option")}else{let l=e.platform==="win32"?ot:e.platform==="darwin"?Rt:e.platform?ht:_s;this.scurry=new l(this.cwd,{nocase:e.nocase,fs:e.fs})}this.nocase=this.scurry.nocase;let i=this.platform==="darwin"||this.platform==="win32",n={braceExpandMax:1e4,...e,dot:this.dot,matchBase:this.matchBase,nobrace:this.nobrace,nocase:this.nocase,nocaseMagicOnly:i,nocomment:!0,noext:this.noext,nonegate:!0,optimizationLevel:2,platform:this.platform,windowsPathsNoEscape:this.windowsPathsNoEscape},o=this.pattern.map(l=>new D(l,n)),[h,a]=o.reduce((l,c)=>(l[0].push(...c.set),l[1].push(...c.globParts),l),[[],[]]);this.patterns=h.map((l,c)=>{let f=a[c];if(!f)throw new Error("invalid pattern object");return new at(l,f,0,this.platform)})}async walk(){return await new Tt(this.patterns,this.scurry.cwd,{...this.opts,maxDepth:this.maxDepth!==1/0?this.maxDepth+this.scurry.cwd.depth():1/0,platform:this.platform,nocase:this.nocase,includeChildMatches:this.includeChildMatches}).walk()}walkSync(){return new Tt(this.patterns,this.scurry.cwd,{...this.opts,maxDepth:this.maxDepth!==1/0?this.maxDepth+this.scurry.cwd.depth():1/0,platform:this.platform,nocase:this.nocase,includeChildMatches:this.includeChildMatches}).walkSync()}stream(){return new _t(this.patterns,this.scurry.cwd,{...this.opts,maxDepth:this.maxDepth!==1/0?this.maxDepth+this.scurry.cwd.depth():1/0,platform:this.platform,nocase:this.nocase,includeChildMatches:this.includeChildMatches}).stream()}streamSync(){return new _t(this.patterns,this.scurry.cwd,{...this.opts,maxDepth:this.maxDepth!==1/0?this.maxDepth+this.scurry.cwd.depth():1/0,platform:this.platform,nocase:this.nocase,includeChildMatches:this.includeChildMatches}).streamSync()}iterateSync(){return this.streamSync()[Symbol.iterator]()}[Symbol.iterator](){return this.iterateSync()}iterate(){return this.stream()[Symbol.asyncIterator]()}[Symbol.asyncIterator](){return this.iterate()}};var je=(r,t={})=>{for(let e of Array.isArray(r)?r:[r])if(new D(e,t).hasMagic())return!0;return!1};function ee(r,t={}){return new j(r,t).streamSync()}function Ps(r,t={}){return new j(r,t).stream()}function zs(r,t={}){return new j(r,t).walkSync()}async function Ds(r,t={}){return new j(r,t).walk()}function se(r,t={}){return new j(r,t).iterateSync()}function Ls(r,t={}){return new j(r,t).iterate()}var xn=ee,vn=Object.assign(Ps,{sync:ee}),En=se,kn=Object.assign(Ls,{sync:se}),Cn=Object.assign(zs,{stream:ee,iterate:se}),Ns=Object.assign(Ds,{glob:Ds,globSync:zs,sync:Cn,globStream:Ps,stream:vn,globStreamSync:ee,streamSync:xn,globIterate:Ls,iterate:kn,globIterateSync:se,iterateSync:En,Glob:j,hasMagic:je,escape:K,unescape:st});Ns.glob=Ns;
//# sourceMappingURL=index.min.js.map

;// CONCATENATED MODULE: ./src/model/location.ts
function fileLocation(path) {
    return { path, line: 1, column: 1 };
}
function formatLocation(location) {
    return `${location.path}:${location.line}`;
}

;// CONCATENATED MODULE: ./src/discover/read.ts



/** Bytes looked at for NUL bytes, as git and grep do. */
const BINARY_SNIFF_BYTES = 8000;
/** How much of an oversized file is read to decide whether it is worth a note. */
const OVERSIZED_SNIFF_BYTES = 64 * 1024;
/**
 * Reads and decodes a discovered file. A file larger than `maxFileBytes` (0: no limit) is not
 * read, with a note when its first bytes classify as something irsa-guard reads; a file that
 * cannot be read (gone, no permission) yields a note. Synchronous on purpose: open, fstat, read
 * and close are the syscalls of a plain readFile, without a thread-pool round trip per file.
 */
function readCandidate(candidate, maxFileBytes) {
    const { path, absolutePath } = candidate;
    let descriptor;
    try {
        descriptor = (0,external_node_fs_namespaceObject.openSync)(absolutePath, 'r');
        const stats = (0,external_node_fs_namespaceObject.fstatSync)(descriptor);
        if (!stats.isFile())
            return { ok: false };
        if (maxFileBytes > 0 && stats.size > maxFileBytes) {
            const head = readBytes(descriptor, OVERSIZED_SNIFF_BYTES).toString('utf8');
            const relevant = classify(path, head) !== 'ignored' || (/\.json$/i.test(path) && head.includes('"format_version"'));
            if (!relevant)
                return { ok: false };
            return skipped(path, `it is ${formatBytes(stats.size)}, larger than the ${formatBytes(maxFileBytes)} limit; raise maxFileBytes in the config file, or exclude the file`);
        }
        return decodeText(path, readBytes(descriptor, stats.size));
    }
    catch (error) {
        const code = error.code;
        return skipped(path, `it cannot be read (${code ?? error.message})`);
    }
    finally {
        if (descriptor !== undefined)
            (0,external_node_fs_namespaceObject.closeSync)(descriptor);
    }
}
/** Up to `limit` bytes from the start of an open file (fewer when it is shorter, or shrank). */
function readBytes(descriptor, limit) {
    const buffer = Buffer.allocUnsafe(limit);
    let filled = 0;
    while (filled < limit) {
        const count = (0,external_node_fs_namespaceObject.readSync)(descriptor, buffer, filled, limit - filled, filled);
        if (count === 0)
            break;
        filled += count;
    }
    return buffer.subarray(0, filled);
}
/**
 * Decodes a file's bytes as text: UTF-8 (BOM stripped; invalid sequences become U+FFFD), or
 * UTF-16 when it starts with a UTF-16 BOM. A NUL byte early in the file means binary. Line ends
 * are normalised to `\n` (CRLF and lone CR), which keeps every line number and column of the
 * text as an editor shows them.
 */
function decodeText(path, bytes) {
    let text;
    if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) {
        return skipped(path, 'it is UTF-32 text; save it as UTF-8');
    }
    else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
        text = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2));
        if (text.slice(0, BINARY_SNIFF_BYTES).includes('\0'))
            return skipped(path, 'it holds NUL characters, so it is not text; exclude it, or save it as UTF-8 text');
    }
    else {
        const nul = bytes.subarray(0, BINARY_SNIFF_BYTES).indexOf(0);
        if (nul !== -1)
            return skipped(path, `it is binary (a NUL byte at offset ${nul}), not text; exclude it, or save it as UTF-8 text`);
        const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
        text = bytes.toString('utf8', start);
    }
    return { ok: true, text: normaliseLineEnds(text) };
}
function normaliseLineEnds(text) {
    return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}
/** The note about a file that was not read, at its first line. */
function skippedFileNote(path, why) {
    return { ruleId: 'parse-error', level: 'note', location: fileLocation(path), message: `Skipped ${path}: ${why}`, key: `skipped:${path}` };
}
function skipped(path, why) {
    return looksRelevantByName(path) ? { ok: false, finding: skippedFileNote(path, why) } : { ok: false };
}
function formatBytes(bytes) {
    if (bytes >= 1024 * 1024)
        return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
    if (bytes >= 1024)
        return `${(bytes / 1024).toFixed(1)} KB`;
    return `${bytes} bytes`;
}

;// CONCATENATED MODULE: ./src/discover/patterns.ts
/**
 * Path patterns: `.gitignore` files (git's semantics: comments, `!` negation, trailing `/` for
 * directories only, a leading or inner `/` anchors to the file's directory, `*`, `?`, `[...]`,
 * `**`), and the exclude globs of the config (relative to the root, with `{a,b}`).
 */
/** Parses a `.gitignore` file. Paths it is matched against are relative to its directory. */
function parseGitignore(text) {
    const rules = [];
    for (const rawLine of text.split(/\r?\n/)) {
        let line = trimTrailingSpaces(rawLine);
        if (line === '' || line.startsWith('#'))
            continue;
        let negate = false;
        if (line.startsWith('!')) {
            negate = true;
            line = line.slice(1);
        }
        else if (line.startsWith('\\!') || line.startsWith('\\#')) {
            line = line.slice(1);
        }
        const directoryOnly = line.endsWith('/');
        while (line.endsWith('/'))
            line = line.slice(0, -1);
        if (line === '')
            continue;
        const anchored = line.includes('/');
        if (line.startsWith('/'))
            line = line.slice(1);
        const body = globToRegexSource(line);
        rules.push({ negate, directoryOnly, regex: new RegExp(anchored ? `^${body}$` : `^(?:.*/)?${body}$`) });
    }
    return rules;
}
/**
 * git's answer for one `.gitignore` file: true (ignored), false (re-included by a `!` rule), or
 * undefined (no rule matches). The last matching rule wins.
 */
function matchIgnoreRules(rules, relativePath, isDirectory) {
    for (let index = rules.length - 1; index >= 0; index -= 1) {
        const rule = rules[index];
        if (rule.directoryOnly && !isDirectory)
            continue;
        if (rule.regex.test(relativePath))
            return !rule.negate;
    }
    return undefined;
}
/** An exclude glob relative to the root; it excludes what it matches and everything below. */
function compileExcludeGlob(glob) {
    let pattern = glob.trim().replace(/\\/g, '/');
    while (pattern.startsWith('./'))
        pattern = pattern.slice(2);
    if (pattern.startsWith('/'))
        pattern = pattern.slice(1);
    const directoryOnly = pattern.endsWith('/');
    while (pattern.endsWith('/'))
        pattern = pattern.slice(0, -1);
    if (pattern === '')
        return [];
    return expandBraces(pattern).map((expanded) => ({ directoryOnly, regex: new RegExp(`^${globToRegexSource(expanded)}$`) }));
}
function matchesExclude(globs, relativePath, isDirectory) {
    return globs.some((glob) => (!glob.directoryOnly || isDirectory) && glob.regex.test(relativePath));
}
/** `a/{b,c}/d` → `a/b/d`, `a/c/d` (nested braces too). */
function expandBraces(pattern) {
    const open = findUnescaped(pattern, '{', 0);
    if (open === -1)
        return [pattern];
    let depth = 0;
    const commas = [];
    for (let index = open; index < pattern.length; index += 1) {
        const char = pattern[index];
        if (char === '\\') {
            index += 1;
            continue;
        }
        if (char === '{')
            depth += 1;
        else if (char === '}') {
            depth -= 1;
            if (depth === 0) {
                if (commas.length === 0) {
                    return expandBraces(pattern.slice(index + 1)).map((rest) => pattern.slice(0, index + 1) + rest);
                }
                const bounds = [open, ...commas, index];
                const prefix = pattern.slice(0, open);
                const suffix = pattern.slice(index + 1);
                const results = [];
                for (let part = 0; part < bounds.length - 1; part += 1) {
                    results.push(...expandBraces(prefix + pattern.slice(bounds[part] + 1, bounds[part + 1]) + suffix));
                }
                return results;
            }
        }
        else if (char === ',' && depth === 1)
            commas.push(index);
    }
    return [pattern];
}
function findUnescaped(text, char, from) {
    for (let index = from; index < text.length; index += 1) {
        if (text[index] === '\\')
            index += 1;
        else if (text[index] === char)
            return index;
    }
    return -1;
}
/** A gitignore-style glob (segments separated by `/`) as the source of an unanchored regex. */
function globToRegexSource(glob) {
    let out = '';
    let index = 0;
    if (glob.startsWith('**/')) {
        out += '(?:.*/)?';
        index = 3;
    }
    else if (glob === '**') {
        return '.*';
    }
    while (index < glob.length) {
        const char = glob[index];
        if (char === '/' && glob.startsWith('/**/', index)) {
            out += '/(?:.*/)?';
            index += 4;
        }
        else if (char === '/' && glob.startsWith('/**', index) && index + 3 === glob.length) {
            out += '/.*';
            index += 3;
        }
        else if (char === '*') {
            while (glob[index] === '*')
                index += 1;
            out += '[^/]*';
        }
        else if (char === '?') {
            out += '[^/]';
            index += 1;
        }
        else if (char === '[') {
            const parsed = characterClass(glob, index);
            if (parsed) {
                out += parsed.source;
                index = parsed.end;
            }
            else {
                out += '\\[';
                index += 1;
            }
        }
        else if (char === '\\' && index + 1 < glob.length) {
            out += escapeRegex(glob[index + 1]);
            index += 2;
        }
        else {
            out += escapeRegex(char);
            index += 1;
        }
    }
    return out;
}
function characterClass(glob, start) {
    let index = start + 1;
    let negate = false;
    if (glob[index] === '!' || glob[index] === '^') {
        negate = true;
        index += 1;
    }
    let body = '';
    let first = true;
    while (index < glob.length) {
        const char = glob[index];
        if (char === ']' && !first) {
            return { source: negate ? `[^/${body}]` : `[${body}]`, end: index + 1 };
        }
        if (char === '\\' && index + 1 < glob.length) {
            body += `\\${glob[index + 1]}`;
            index += 2;
        }
        else {
            body += char === '\\' || char === ']' || char === '[' || char === '^' ? `\\${char}` : char;
            index += 1;
        }
        first = false;
    }
    return undefined;
}
function escapeRegex(char) {
    return /[.*+?^${}()|[\]\\/]/.test(char) ? `\\${char}` : char;
}
function trimTrailingSpaces(line) {
    let end = line.length;
    while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t') && line[end - 2] !== '\\')
        end -= 1;
    const trimmed = line.slice(0, end);
    return trimmed.replace(/\\ $/, ' ');
}

;// CONCATENATED MODULE: ./src/discover/discover.ts








/** Directories never scanned, wherever they are. */
const ALWAYS_SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules', 'vendor', '.terraform', 'bower_components']);
/**
 * Finds the files under `root` that irsa-guard may read: matched by an include glob, not
 * excluded, not ignored by git, relevant by name. Symbolic links to directories are never
 * followed (so a link loop cannot hang the walk); links to files are read only when the target
 * lies inside the root. Nothing is stat'ed beyond what reading the directories tells: sizes are
 * checked when the file is opened (readCandidate).
 */
async function discover(root, options) {
    const rootReal = await (0,promises_namespaceObject.realpath)(root).catch(() => undefined);
    if (!rootReal || !(await (0,promises_namespaceObject.stat)(rootReal)).isDirectory())
        throw new ConfigError(`Cannot scan ${root}: it is not a directory`);
    const filter = new RepositoryFilter(rootReal, options);
    const include = await normaliseIncludes(rootReal, options.include);
    const matches = await Ns(include, {
        cwd: rootReal,
        dot: true,
        nodir: true,
        withFileTypes: true,
        follow: false,
        ignore: filter,
    });
    const candidates = [];
    const findings = [];
    const note = (path, why) => {
        findings.push(skippedFileNote(path, why));
    };
    for (const entry of matches) {
        const path = entry.relativePosix();
        if (path === '' || path.startsWith('../') || external_node_path_default().isAbsolute(path))
            continue;
        const absolutePath = entry.fullpath();
        if (entry.isSymbolicLink()) {
            const target = await linkTarget(absolutePath, rootReal);
            if (target === 'outside')
                note(path, 'it is a symbolic link to a file outside the repository, and irsa-guard never follows links out of the scanned root; copy the file in, or scan its own directory');
            if (target === 'unresolved')
                note(path, 'it is a symbolic link that cannot be resolved (its target is missing, or the links form a loop)');
            if (target !== 'file')
                continue;
        }
        else if (!entry.isFile()) {
            continue;
        }
        candidates.push({ path, absolutePath });
    }
    candidates.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    findings.sort((a, b) => (a.location.path < b.location.path ? -1 : 1));
    return { candidates, findings };
}
/** A plain directory (`k8s`, `deploy/`) means all files below it; `./` is dropped. */
async function normaliseIncludes(rootReal, include) {
    const patterns = [];
    for (const raw of include.length > 0 ? include : ['**/*']) {
        let pattern = raw.trim().replace(/\\/g, '/');
        while (pattern.startsWith('./'))
            pattern = pattern.slice(2);
        if (pattern === '' || pattern === '.')
            pattern = '**/*';
        if (!je(pattern)) {
            const isDirectory = await (0,promises_namespaceObject.stat)(external_node_path_default().join(rootReal, pattern)).then((stats) => stats.isDirectory(), () => false);
            if (isDirectory)
                pattern = `${pattern.replace(/\/+$/, '')}/**/*`;
        }
        else if (pattern.endsWith('/')) {
            pattern = `${pattern}**/*`;
        }
        patterns.push(pattern);
    }
    return patterns;
}
async function linkTarget(absolutePath, rootReal) {
    let target;
    try {
        target = await (0,promises_namespaceObject.realpath)(absolutePath);
    }
    catch {
        return 'unresolved';
    }
    if (!isInside(target, rootReal))
        return 'outside';
    try {
        return (await (0,promises_namespaceObject.stat)(target)).isFile() ? 'file' : 'directory';
    }
    catch {
        return 'unresolved';
    }
}
function isInside(target, rootReal) {
    const relative = external_node_path_default().relative(rootReal, target);
    return relative !== '' && !relative.startsWith('..') && !external_node_path_default().isAbsolute(relative);
}
/**
 * glob's ignore hook: prunes always-skipped, excluded, git-ignored and symlinked directories
 * before they are read, and drops files that are irrelevant by name before they are stat'ed.
 */
class RepositoryFilter {
    rootReal;
    excludes;
    respectGitignore;
    prunedDirectories = new Map();
    gitignoreRules = new Map();
    constructor(rootReal, options) {
        this.rootReal = rootReal;
        this.excludes = options.exclude.flatMap(compileExcludeGlob);
        this.respectGitignore = options.respectGitignore ?? true;
    }
    ignored(path) {
        if (path.isUnknown())
            path.lstatSync();
        if (path.isDirectory())
            return false;
        const relative = path.relativePosix();
        if (relative === '' || relative.startsWith('../'))
            return true;
        if (path.parent && this.childrenIgnored(path.parent))
            return true;
        if (!looksRelevantByName(relative))
            return true;
        return matchesExclude(this.excludes, relative, false) || this.gitignored(path, relative, false);
    }
    childrenIgnored(directory) {
        const cached = this.prunedDirectories.get(directory);
        if (cached !== undefined)
            return cached;
        const pruned = this.isPruned(directory);
        this.prunedDirectories.set(directory, pruned);
        return pruned;
    }
    isPruned(directory) {
        if (directory.fullpath() === this.rootReal)
            return false;
        const relative = directory.relativePosix();
        if (relative === '')
            return false;
        if (relative.startsWith('../') || relative === '..')
            return true;
        if (directory.isUnknown())
            directory.lstatSync();
        if (directory.isSymbolicLink())
            return true;
        if (ALWAYS_SKIPPED_DIRECTORIES.has(directory.name))
            return true;
        if (directory.parent && this.childrenIgnored(directory.parent))
            return true;
        return matchesExclude(this.excludes, relative, true) || this.gitignored(directory, relative, true);
    }
    /** git's rules: the deepest `.gitignore` with a matching rule decides. */
    gitignored(path, relative, isDirectory) {
        if (!this.respectGitignore)
            return false;
        for (let directory = path.parent; directory; directory = directory.parent) {
            const directoryRelative = directory.relativePosix();
            const rules = this.rulesOf(directory);
            if (rules.length > 0) {
                const within = directoryRelative === '' ? relative : relative.slice(directoryRelative.length + 1);
                const verdict = matchIgnoreRules(rules, within, isDirectory);
                if (verdict !== undefined)
                    return verdict;
            }
            if (directory.fullpath() === this.rootReal)
                break;
        }
        return false;
    }
    rulesOf(directory) {
        const cached = this.gitignoreRules.get(directory);
        if (cached)
            return cached;
        let rules = [];
        const listed = directory.calledReaddir() ? directory.readdirCached().some((child) => child.name === '.gitignore') : true;
        if (listed) {
            try {
                rules = parseGitignore((0,external_node_fs_namespaceObject.readFileSync)(external_node_path_default().join(directory.fullpath(), '.gitignore'), 'utf8'));
            }
            catch {
                rules = [];
            }
        }
        this.gitignoreRules.set(directory, rules);
        return rules;
    }
}

;// CONCATENATED MODULE: ./src/iam/arn.ts
/** ARN and issuer formats (reference: irsa-failure-modes.md §1.1). */
/** Partitions IAM ARNs can carry; extend when AWS adds one. */
const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc'];
const PARTITION = `(${PARTITIONS.join('|')})`;
const ROLE_ARN = new RegExp(`^arn:${PARTITION}:iam::(\\d{12}):role(/(?:[\\x21-\\x2e\\x30-\\x7e]+/)*)([\\w+=,.@-]{1,64})$`);
const PROVIDER_ARN = new RegExp(`^arn:${PARTITION}:iam::(\\d{12}):oidc-provider/(.+)$`);
/** Parses a well-formed IAM role ARN; anything else is undefined (see role-arn-invalid for why). */
function parseRoleArn(text) {
    const match = ROLE_ARN.exec(text);
    if (!match)
        return undefined;
    return { partition: match[1], account: match[2], path: match[3], name: match[4] };
}
function formatRoleArn(arn) {
    return `arn:${arn.partition}:iam::${arn.account}:role${arn.path}${arn.name}`;
}
function parseOidcProviderArn(text) {
    const match = PROVIDER_ARN.exec(text);
    if (!match)
        return undefined;
    return { partition: match[1], account: match[2], issuerHostPath: match[3] };
}
/** `https://oidc.eks.r.amazonaws.com/id/X` or `oidc.eks.r.amazonaws.com/id/X` → `oidc.eks.r.amazonaws.com/id/X`. */
function issuerHostPath(issuerOrUrl) {
    return issuerOrUrl.replace(/^https:\/\//i, '');
}
const EKS_ISSUER_HOST_PATH = /^oidc\.eks\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?\/id\/([0-9A-Za-z]+)$/;
function parseEksIssuerHostPath(hostPath) {
    const match = EKS_ISSUER_HOST_PATH.exec(hostPath);
    if (!match)
        return undefined;
    return { region: match[1], china: match[2] !== undefined, id: match[3] };
}
/** The partition an AWS region belongs to. */
function partitionOfRegion(region) {
    if (region.startsWith('cn-'))
        return 'aws-cn';
    if (region.startsWith('us-gov-'))
        return 'aws-us-gov';
    if (region.startsWith('us-isob-'))
        return 'aws-iso-b';
    if (region.startsWith('us-iso-'))
        return 'aws-iso';
    if (region.startsWith('eusc-'))
        return 'aws-eusc';
    return 'aws';
}
const DEFAULT_AUDIENCE = 'sts.amazonaws.com';
function serviceAccountSubject(namespace, name) {
    return `system:serviceaccount:${namespace}:${name}`;
}

;// CONCATENATED MODULE: ./src/graph.ts

/**
 * The joins between facts: workload → ServiceAccount (namespace-aware), ServiceAccount → role (by
 * ARN, shared reference, or account + path + name), role → OIDC provider, provider → cluster.
 * Built once with hash maps, so linking is linear in the number of facts.
 */
class Graph {
    facts;
    serviceAccountsByKey = new Map();
    rolesByArn = new Map();
    rolesByName = new Map();
    rolesByReference = new Map();
    providersByHostPath = new Map();
    providersByReference = new Map();
    serviceAccountsByRole = new Map();
    roleLinks = new Map();
    constructor(facts) {
        this.facts = facts;
        for (const sa of facts.serviceAccounts)
            push(this.serviceAccountsByKey, objectKey(sa.namespace, sa.name), sa);
        for (const role of facts.roles)
            this.indexRole(role);
        for (const provider of facts.oidcProviders)
            this.indexProvider(provider);
        for (const sa of facts.serviceAccounts) {
            const links = this.resolveRoles(sa);
            this.roleLinks.set(sa, links);
            for (const link of links)
                push(this.serviceAccountsByRole, link.role, sa);
        }
    }
    /** The ServiceAccounts a workload runs as, in its namespace (several when the same SA is defined twice). */
    serviceAccountsOf(workload) {
        return this.serviceAccountsByKey.get(objectKey(workload.namespace, workload.serviceAccountName ?? 'default')) ?? [];
    }
    serviceAccountsNamed(namespace, name) {
        return this.serviceAccountsByKey.get(objectKey(namespace, name)) ?? [];
    }
    /** The roles a ServiceAccount's role-arn annotation names, as far as the sources define them. */
    rolesOf(sa) {
        return this.roleLinks.get(sa) ?? [];
    }
    /** The ServiceAccounts whose annotation names this role. */
    serviceAccountsUsing(role) {
        return this.serviceAccountsByRole.get(role) ?? [];
    }
    /** The providers a trust policy's Federated value names (by ARN or shared reference). */
    providersNamed(federated) {
        if (federated.kind === 'symbolic')
            return this.providersByReference.get(federated.expression) ?? [];
        const arn = parseOidcProviderArn(federated.value);
        if (!arn)
            return [];
        return (this.providersByHostPath.get(arn.issuerHostPath) ?? []).filter((provider) => {
            const account = provider.arn?.kind === 'known' ? parseOidcProviderArn(provider.arn.value)?.account : undefined;
            return account === undefined || account === arn.account;
        });
    }
    /** Clusters whose issuer is known. */
    clustersWithIssuer() {
        return this.facts.clusters.filter((cluster) => cluster.issuer?.kind === 'known');
    }
    indexRole(role) {
        if (role.arn?.kind === 'known') {
            const arn = parseRoleArn(role.arn.value);
            if (arn)
                push(this.rolesByArn, arn.account + arn.path + arn.name.toLowerCase(), role);
        }
        if (role.name?.kind === 'known')
            push(this.rolesByName, role.name.value.toLowerCase(), role);
        for (const reference of role.arnReferences)
            push(this.rolesByReference, reference, role);
        if (role.arn?.kind === 'symbolic')
            push(this.rolesByReference, role.arn.expression, role);
    }
    indexProvider(provider) {
        for (const reference of provider.arnReferences)
            push(this.providersByReference, reference, provider);
        if (provider.arn?.kind === 'symbolic')
            push(this.providersByReference, provider.arn.expression, provider);
        const hostPath = provider.arn?.kind === 'known'
            ? parseOidcProviderArn(provider.arn.value)?.issuerHostPath
            : provider.url?.kind === 'known'
                ? issuerHostPath(provider.url.value)
                : undefined;
        if (hostPath)
            push(this.providersByHostPath, hostPath, provider);
    }
    resolveRoles(sa) {
        const annotation = sa.roleArn;
        if (!annotation)
            return [];
        if (annotation.kind === 'symbolic') {
            return (this.rolesByReference.get(annotation.expression) ?? []).map((role) => ({ role, via: 'reference' }));
        }
        const arn = parseRoleArn(annotation.value.trim());
        if (!arn)
            return [];
        // IAM role names are unique case-insensitively within an account.
        const byArn = this.rolesByArn.get(arn.account + arn.path + arn.name.toLowerCase()) ?? [];
        if (byArn.length > 0)
            return byArn.map((role) => ({ role, via: 'arn' }));
        const byName = (this.rolesByName.get(arn.name.toLowerCase()) ?? []).filter((role) => {
            if (role.arn?.kind === 'known')
                return false;
            const account = role.account?.kind === 'known' ? role.account.value : undefined;
            // A role whose path no source states (a plain trust file bound by name) matches any path.
            const pathMatches = role.path?.kind !== 'known' || role.path.value === arn.path;
            return (account === undefined || account === arn.account) && pathMatches;
        });
        return byName.map((role) => ({ role, via: 'name' }));
    }
}
/** Namespace-aware key of a namespaced object; symbolic parts key by their expression. */
function objectKey(namespace, name) {
    return `${valueKey(namespace)}/${typeof name === 'string' ? `k:${name}` : valueKey(name)}`;
}
function valueKey(value) {
    return value.kind === 'known' ? `k:${value.value}` : `s:${value.expression}`;
}
function push(map, key, value) {
    const list = map.get(key);
    if (list)
        list.push(value);
    else
        map.set(key, [value]);
}

;// CONCATENATED MODULE: ./src/model/facts.ts
function emptyFacts() {
    return {
        objects: [],
        serviceAccounts: [],
        workloads: [],
        roles: [],
        oidcProviders: [],
        clusters: [],
        podIdentityAssociations: [],
        awsProfiles: [],
    };
}
function mergeFacts(into, from) {
    for (const key of Object.keys(from)) {
        const items = from[key];
        if (items)
            into[key].push(...items);
    }
}

;// CONCATENATED MODULE: ./src/model/finding.ts
const LEVELS = (/* unused pure expression or super */ null && (['error', 'warning', 'note']));
/** Higher is more severe. */
function levelRank(level) {
    return level === 'error' ? 3 : level === 'warning' ? 2 : 1;
}

;// CONCATENATED MODULE: ./src/iam/glob.ts
/** `*` and `?` are wildcards, holes are `*`. */
function globPattern(template) {
    return template.flatMap((part) => 'hole' in part ? ['any'] : [...part.text].map((char) => (char === '*' ? 'any' : char === '?' ? 'one' : { char })));
}
/** Every character is literal, holes are `*`. */
function literalPattern(template) {
    return template.flatMap((part) => ('hole' in part ? ['any'] : [...part.text].map((char) => ({ char }))));
}
/** Whether some string matches both patterns: a walk over pairs of positions, O(length × length). */
function intersects(a, b) {
    const seen = new Uint8Array((a.length + 1) * (b.length + 1));
    const stack = [[0, 0]];
    const visit = (i, j) => {
        const id = i * (b.length + 1) + j;
        if (!seen[id]) {
            seen[id] = 1;
            stack.push([i, j]);
        }
    };
    while (stack.length > 0) {
        const [i, j] = stack.pop();
        if (i === a.length && j === b.length)
            return true;
        const x = a[i];
        const y = b[j];
        if (x === 'any')
            visit(i + 1, j);
        if (y === 'any')
            visit(i, j + 1);
        if (x === undefined || y === undefined)
            continue;
        if (x === 'any' && y !== 'any')
            visit(i, j + 1);
        else if (y === 'any' && x !== 'any')
            visit(i + 1, j);
        else if (x !== 'any' && y !== 'any' && (x === 'one' || y === 'one' || x.char === y.char))
            visit(i + 1, j + 1);
    }
    return false;
}
/**
 * Both questions at once. Containment walks the two patterns' automata in step (subset
 * construction); only the characters the patterns name can behave differently, so the walk tries
 * each of those and one stand-in for every other character.
 */
function relate(fullSubject, fullPattern) {
    const [subject, pattern] = withoutCommonEnds(fullSubject, fullPattern);
    const id = `${patternKey(subject)} ${patternKey(pattern)}`;
    const cached = relations.get(id);
    if (cached)
        return cached;
    if (relations.size >= 10_000)
        relations.clear();
    const relation = decideRelation(subject, pattern);
    relations.set(id, relation);
    return relation;
}
/** Pairs decided lately: the same policy values meet the same templates across statements and attempts. */
const relations = new Map();
function patternKey(pattern) {
    return pattern.map((token) => (token === 'any' ? '*' : token === 'one' ? '?' : `\\${token.char}`)).join('');
}
function decideRelation(subject, pattern) {
    if (!intersects(subject, pattern))
        return { intersects: false, contained: false };
    const alphabet = [...new Set([...subject, ...pattern].flatMap((token) => (typeof token === 'object' ? [token.char] : [])))];
    alphabet.push(OTHER);
    const start = [closure(subject, [0]), closure(pattern, [0])];
    const seen = new Set([key(start)]);
    const queue = [start];
    while (queue.length > 0) {
        const [subjectStates, patternStates] = queue.pop();
        if (subjectStates.includes(subject.length) && !patternStates.includes(pattern.length))
            return { intersects: true, contained: false };
        for (const char of alphabet) {
            const nextSubject = step(subject, subjectStates, char);
            if (nextSubject.length === 0)
                continue;
            const next = [nextSubject, step(pattern, patternStates, char)];
            const id = key(next);
            if (!seen.has(id)) {
                seen.add(id);
                queue.push(next);
            }
        }
    }
    return { intersects: true, contained: true };
}
/** Drops the literal characters both patterns start (and end) with: they change neither answer. */
function withoutCommonEnds(a, b) {
    const same = (x, y) => typeof x === 'object' && typeof y === 'object' && x.char === y.char;
    let start = 0;
    while (start < a.length && start < b.length && same(a[start], b[start]))
        start++;
    let end = 0;
    while (end < a.length - start && end < b.length - start && same(a[a.length - 1 - end], b[b.length - 1 - end]))
        end++;
    return [a.slice(start, a.length - end), b.slice(start, b.length - end)];
}
/** Whether a known string matches a pattern (greedy `*` with backtracking to the last star). */
function globMatches(pattern, value) {
    const chars = [...value];
    let p = 0;
    let v = 0;
    let star = -1;
    let starV = 0;
    while (v < chars.length) {
        const token = pattern[p];
        if (token === 'any') {
            star = p++;
            starV = v;
        }
        else if (token !== undefined && (token === 'one' || token.char === chars[v])) {
            p++;
            v++;
        }
        else if (star >= 0) {
            p = star + 1;
            v = ++starV;
        }
        else {
            return false;
        }
    }
    while (pattern[p] === 'any')
        p++;
    return p === pattern.length;
}
const OTHER = '';
/** The states after reading `char`; `states` and the result are ascending. */
function step(pattern, states, char) {
    const next = [];
    for (const state of states) {
        const token = pattern[state];
        if (token === undefined)
            continue;
        const target = token === 'any' ? state : token === 'one' || token.char === char ? state + 1 : -1;
        if (target >= 0 && next[next.length - 1] !== target)
            next.push(target);
    }
    return closure(pattern, next);
}
/** Adds the states reachable by letting a `*` match the empty string; ascending in and out. */
function closure(pattern, states) {
    const result = [];
    for (const state of states) {
        if (result.length > 0 && result[result.length - 1] >= state)
            continue;
        let position = state;
        result.push(position);
        while (pattern[position] === 'any')
            result.push(++position);
    }
    return result;
}
function key([subject, pattern]) {
    return `${subject.join(',')}|${pattern.join(',')}`;
}

;// CONCATENATED MODULE: ./src/iam/template.ts
function templateOf(value) {
    if (typeof value === 'string')
        return template_text(value);
    if (Array.isArray(value))
        return normalise(value);
    const single = value;
    return single.kind === 'known' ? template_text(single.value) : parseExpression(single.expression);
}
function template_text(value) {
    return value === '' ? [] : [{ text: value }];
}
function hole(expression) {
    return [{ hole: expression }];
}
function concat(...pieces) {
    return normalise(pieces.flatMap((piece) => templateOf(piece)));
}
function hasHoles(template) {
    return template.some((part) => 'hole' in part);
}
/** The literal text of a template without holes, else undefined. */
function knownText(template) {
    return hasHoles(template) ? undefined : template.map((part) => part.text).join('');
}
/** Structurally the same template (same text, same hole expressions); `fold` ignores the case of the text. */
function sameTemplate(a, b, fold = false) {
    if (a.length !== b.length)
        return false;
    return a.every((part, index) => {
        const other = b[index];
        if ('hole' in part)
            return 'hole' in other && other.hole === part.hole;
        return 'text' in other && (fold ? other.text.toLowerCase() === part.text.toLowerCase() : other.text === part.text);
    });
}
function lowerCase(template) {
    return template.map((part) => ('text' in part ? { text: part.text.toLowerCase() } : part));
}
/** For messages: `"system:serviceaccount:prod:app"` or `"system:serviceaccount:${var.ns}:app"`. */
function describeTemplate(template) {
    return `"${template.map((part) => ('text' in part ? part.text : `\${${part.hole}}`)).join('')}"`;
}
/** Without quotes, for keys: `oidc.eks.…/id/X:sub`, `${module.eks.oidc_provider}:sub`. */
function templateText(template) {
    return template.map((part) => ('text' in part ? part.text : `\${${part.hole}}`)).join('');
}
/** Splits at `${…}` (brace-balanced); an expression with no interpolation is a bare reference. */
function parseExpression(expression) {
    if (!expression.includes('${'))
        return hole(expression);
    const parts = [];
    let index = 0;
    while (index < expression.length) {
        const start = expression.indexOf('${', index);
        if (start < 0)
            break;
        const end = closingBrace(expression, start + 2);
        if (end < 0)
            break;
        parts.push({ text: expression.slice(index, start) }, { hole: expression.slice(start + 2, end).trim() });
        index = end + 1;
    }
    parts.push({ text: expression.slice(index) });
    return normalise(parts);
}
function closingBrace(expression, from) {
    let depth = 1;
    for (let index = from; index < expression.length; index++) {
        if (expression[index] === '{')
            depth++;
        else if (expression[index] === '}' && --depth === 0)
            return index;
    }
    return -1;
}
function normalise(parts) {
    const result = [];
    for (const part of parts) {
        if ('text' in part) {
            if (part.text === '')
                continue;
            const last = result[result.length - 1];
            if (last && 'text' in last)
                result[result.length - 1] = { text: last.text + part.text };
            else
                result.push({ text: part.text });
        }
        else {
            result.push({ hole: part.hole });
        }
    }
    return result;
}

;// CONCATENATED MODULE: ./src/iam/compare.ts


/**
 * Whether one request value matches one policy value under an operator, before negation and set
 * logic. Unknown holes make the answer unknown unless no filling, or every filling, decides it.
 */
function compareValue(operator, policyValue, requestValue) {
    switch (operator.family) {
        case 'String':
            return compareStrings(policyValue, requestValue, operator.comparison === 'like', operator.ignoreCase);
        case 'Arn':
            return compareArns(policyValue, requestValue);
        case 'Numeric':
        case 'Date':
            return compareOrdered(operator, policyValue, requestValue);
        case 'Bool':
            return compareKnown(policyValue, requestValue, (policy, request) => policy.toLowerCase() === request.toLowerCase());
        case 'Binary':
            return compareKnown(policyValue, requestValue, (policy, request) => policy === request);
        case 'IpAddress':
        case 'Null':
            return 'unknown';
    }
}
function compareStrings(policyValue, requestValue, like, ignoreCase) {
    const policy = ignoreCase ? lowerCase(policyValue) : policyValue;
    const request = ignoreCase ? lowerCase(requestValue) : requestValue;
    if (sameTemplate(policy, request))
        return true;
    const requestText = knownText(request);
    if (requestText !== undefined && !hasHoles(policy)) {
        return like ? globMatches(globPattern(policy), requestText) : false;
    }
    const subject = literalPattern(request);
    const pattern = like ? globPattern(policy) : literalPattern(policy);
    // A hole in the policy value may hold anything, wildcards included: only "no match" is certain.
    if (hasHoles(policy))
        return intersects(subject, pattern) ? 'unknown' : false;
    const relation = relate(subject, pattern);
    return relation.contained ? true : relation.intersects ? 'unknown' : false;
}
/** ArnEquals and ArnLike alike: each of the six `:`-separated parts is a case-sensitive glob. */
function compareArns(policyValue, requestValue) {
    if (sameTemplate(policyValue, requestValue))
        return true;
    const policy = knownText(policyValue);
    const request = knownText(requestValue);
    if (policy === undefined || request === undefined) {
        // A whole-string glob admits at least what the part-wise one does.
        return intersects(literalPattern(requestValue), globPattern(policyValue)) ? 'unknown' : false;
    }
    const policyParts = arnParts(policy);
    const requestParts = arnParts(request);
    if (!policyParts || !requestParts)
        return false;
    return policyParts.every((part, index) => globMatches(globPattern(template_text(part)), requestParts[index]));
}
function arnParts(arn) {
    const parts = arn.split(':');
    if (parts.length < 6)
        return undefined;
    return [...parts.slice(0, 5), parts.slice(5).join(':')];
}
function compareOrdered(operator, policyValue, requestValue) {
    const parse = operator.family === 'Numeric' ? parseNumber : parseDate;
    return compareKnown(policyValue, requestValue, (policyText, requestText) => {
        const policy = parse(policyText);
        const request = parse(requestText);
        if (policy === undefined || request === undefined)
            return 'unknown';
        switch (operator.comparison) {
            case 'lessThan':
                return request < policy;
            case 'lessThanEquals':
                return request <= policy;
            case 'greaterThan':
                return request > policy;
            case 'greaterThanEquals':
                return request >= policy;
            default:
                return request === policy;
        }
    });
}
function compareKnown(policyValue, requestValue, test) {
    const policy = knownText(policyValue);
    const request = knownText(requestValue);
    if (policy === undefined || request === undefined)
        return 'unknown';
    return test(policy, request);
}
function parseNumber(value) {
    const number = value.trim() === '' ? NaN : Number(value);
    return Number.isNaN(number) ? undefined : number;
}
/** ISO 8601 dates and epoch seconds, as milliseconds. */
function parseDate(value) {
    const epochSeconds = parseNumber(value);
    if (epochSeconds !== undefined)
        return epochSeconds * 1000;
    const time = Date.parse(value);
    return Number.isNaN(time) ? undefined : time;
}

;// CONCATENATED MODULE: ./src/iam/operators.ts
/** IAM condition operator names: `[ForAnyValue:|ForAllValues:]<base>[IfExists]`, case-sensitive. */
function base(family, comparison, negated = false, ignoreCase = false) {
    return { family, comparison, negated, ignoreCase };
}
const BASES = {
    StringEquals: base('String', 'equals'),
    StringNotEquals: base('String', 'equals', true),
    StringEqualsIgnoreCase: base('String', 'equals', false, true),
    StringNotEqualsIgnoreCase: base('String', 'equals', true, true),
    StringLike: base('String', 'like'),
    StringNotLike: base('String', 'like', true),
    NumericEquals: base('Numeric', 'equals'),
    NumericNotEquals: base('Numeric', 'equals', true),
    NumericLessThan: base('Numeric', 'lessThan'),
    NumericLessThanEquals: base('Numeric', 'lessThanEquals'),
    NumericGreaterThan: base('Numeric', 'greaterThan'),
    NumericGreaterThanEquals: base('Numeric', 'greaterThanEquals'),
    DateEquals: base('Date', 'equals'),
    DateNotEquals: base('Date', 'equals', true),
    DateLessThan: base('Date', 'lessThan'),
    DateLessThanEquals: base('Date', 'lessThanEquals'),
    DateGreaterThan: base('Date', 'greaterThan'),
    DateGreaterThanEquals: base('Date', 'greaterThanEquals'),
    Bool: base('Bool', 'equals'),
    BinaryEquals: base('Binary', 'equals'),
    IpAddress: base('IpAddress', 'equals'),
    NotIpAddress: base('IpAddress', 'equals', true),
    ArnEquals: base('Arn', 'like'),
    ArnLike: base('Arn', 'like'),
    ArnNotEquals: base('Arn', 'like', true),
    ArnNotLike: base('Arn', 'like', true),
    Null: base('Null', 'equals'),
};
const CONDITION_OPERATORS = Object.keys(BASES);
const OPERATOR = /^(?:(ForAnyValue|ForAllValues):)?([A-Za-z]+?)(IfExists)?$/;
/** The operator's meaning, or undefined when IAM would reject the name (unknown, mis-cased, `NullIfExists`). */
function parseOperator(written) {
    const match = OPERATOR.exec(written);
    if (!match)
        return undefined;
    const [, set, name, ifExists] = match;
    if (!Object.hasOwn(BASES, name) || (ifExists && name === 'Null'))
        return undefined;
    const meaning = BASES[name];
    return { written, base: name, ...meaning, ifExists: ifExists !== undefined, ...(set ? { set: set } : {}) };
}

;// CONCATENATED MODULE: ./src/iam/request.ts


/** The request values of a policy condition key; key names compare case-insensitively. */
function lookupKey(request, policyKey) {
    let maybe = false;
    for (const entry of request.context) {
        const relation = compareKeys(policyKey, templateOf(entry.key));
        if (relation === 'same') {
            if (entry.values.length === 0)
                return { state: 'absent' };
            return { state: 'present', values: entry.values.map(templateOf), written: entry.values };
        }
        if (relation === 'maybe')
            maybe = true;
    }
    if (maybe || (request.unknownKeyPrefixes ?? []).some((prefix) => mayStartWith(policyKey, prefix))) {
        return { state: 'unknown' };
    }
    return { state: 'absent' };
}
function compareKeys(a, b) {
    const knownA = knownText(a);
    const knownB = knownText(b);
    if (knownA !== undefined && knownB !== undefined)
        return knownA.toLowerCase() === knownB.toLowerCase() ? 'same' : 'different';
    if (sameTemplate(a, b, true))
        return 'same';
    return intersects(literalPattern(lowerCase(a)), literalPattern(lowerCase(b))) ? 'maybe' : 'different';
}
function mayStartWith(key, prefix) {
    return intersects(literalPattern(lowerCase(key)), [...literalPattern(template_text(prefix.toLowerCase())), 'any']);
}

;// CONCATENATED MODULE: ./src/iam/tri.ts
function not(value) {
    return value === 'unknown' ? 'unknown' : !value;
}
function and(values) {
    let result = true;
    for (const value of values) {
        if (value === false)
            return false;
        if (value === 'unknown')
            result = 'unknown';
    }
    return result;
}
function or(values) {
    let result = false;
    for (const value of values) {
        if (value === true)
            return true;
        if (value === 'unknown')
            result = 'unknown';
    }
    return result;
}
/** true, or unknown, but not false. */
function possible(value) {
    return value !== false;
}

;// CONCATENATED MODULE: ./src/iam/conditions.ts





/**
 * One condition entry against the request. Values of the key are ORed; a key absent from the
 * request fails positive operators and satisfies negated ones, `…IfExists` and `ForAllValues`.
 * A multivalued request key without a set operator is treated as `ForAnyValue` (negated
 * operators: no request value matches any policy value).
 */
function evaluateCondition(entry, request) {
    const operator = parseOperator(entry.operator);
    const key = templateOf(entry.key);
    const policyValues = entry.values.map(templateOf);
    const describe = new Describer(entry, operator, key, policyValues, request.subject ?? 'the request');
    if (entry.operatorReference)
        return describe.result('unknown', 'cannot be decided: the operator is known only at apply time');
    if (!operator)
        return describe.result('unknown', `cannot be evaluated: IAM has no such condition operator`);
    const lookup = lookupKey(request, key);
    if (lookup.state === 'unknown')
        return describe.result('unknown', `cannot be decided: whether ${describe.subject} has this key is not known`);
    if (operator.family === 'Null')
        return evaluateNull(policyValues, lookup.state === 'present', describe);
    if (lookup.state === 'absent')
        return describe.absent(whenAbsent(operator));
    const matchesOne = (value) => or(policyValues.map((policyValue) => compareValue(operator, policyValue, value)));
    const holds = (value) => (operator.negated ? not(matchesOne(value)) : matchesOne(value));
    let result;
    if (operator.set === 'ForAllValues')
        result = and(lookup.values.map(holds));
    else if (operator.set === 'ForAnyValue')
        result = or(lookup.values.map(holds));
    else
        result = operator.negated ? not(or(lookup.values.map(matchesOne))) : or(lookup.values.map(matchesOne));
    return describe.present(result, lookup.values, lookup.written);
}
function whenAbsent(operator) {
    if (operator.ifExists || operator.set === 'ForAllValues')
        return true;
    if (operator.set === 'ForAnyValue')
        return false;
    return operator.negated;
}
/** `Null: "true"` holds when the key is absent, `"false"` when it is present. */
function evaluateNull(policyValues, present, describe) {
    const result = or(policyValues.map((value) => {
        const expected = knownText(value)?.toLowerCase();
        return expected === 'true' ? !present : expected === 'false' ? present : 'unknown';
    }));
    if (result === true)
        return { result };
    const expectation = policyValues.every((value) => knownText(value)?.toLowerCase() === 'true') ? 'absent' : 'present';
    const actual = present ? 'has it' : 'has no such key';
    return describe.result(result, `expects the key to be ${expectation} but ${describe.subject} ${actual}`);
}
class Describer {
    entry;
    operator;
    key;
    policyValues;
    subject;
    constructor(entry, operator, key, policyValues, subject) {
        this.entry = entry;
        this.operator = operator;
        this.key = key;
        this.policyValues = policyValues;
        this.subject = subject;
    }
    absent(result) {
        if (result)
            return { result };
        return this.result(false, `${this.expectation()} but ${this.subject} has no such key`);
    }
    present(result, values, written) {
        if (result === true)
            return { result };
        const actual = `${this.subject} has ${values.map(describeTemplate).join(', ')}`;
        const text = result === false ? `${this.expectation()} but ${actual}` : `${this.expectation()} and ${actual}: not decidable before apply`;
        return this.result(result, text, written);
    }
    result(result, detail, requestValues) {
        if (result === true)
            return { result };
        const entry = this.entry;
        const mismatch = {
            element: 'Condition',
            result,
            location: entry.valuesLocation,
            message: `${entry.operator} on ${templateText(this.key)} ${detail}`,
            entry,
            operator: entry.operator,
            key: entry.key,
            policyValues: entry.values,
            ...(requestValues ? { requestValues } : {}),
        };
        return { result, mismatch };
    }
    expectation() {
        const values = this.policyValues.map(describeTemplate);
        const list = values.length === 1 ? values[0] : `one of ${values.join(', ') || '(no values)'}`;
        if (this.operator?.negated)
            return `excludes ${values.join(', ')}`;
        return `expects ${this.operator?.set === 'ForAllValues' ? 'only ' : ''}${list}`;
    }
}

;// CONCATENATED MODULE: ./src/iam/principal.ts



const PRINCIPAL_TYPES = ['AWS', 'Federated', 'Service', 'CanonicalUser'];
/**
 * Whether a Principal (or NotPrincipal) block names the request's principal. `"*"` and
 * `{"AWS": "*"}` name everyone; an AWS account (`123456789012` or `arn:…:iam::123456789012:root`)
 * names every principal of that account; other values must equal the principal's identifier.
 */
function principalMatches(block, principal) {
    const results = [];
    if (block.wildcard) {
        const wildcard = templateOf(block.wildcard);
        results.push(knownText(wildcard) === '*' ? true : hasHoles(wildcard) ? 'unknown' : false);
    }
    const id = templateOf(principal.id);
    for (const entry of block.entries) {
        for (const value of entry.values) {
            const template = templateOf(value);
            if (entry.type === 'AWS' && knownText(template) === '*')
                results.push(true);
            else if (entry.type === principal.type)
                results.push(valueMatches(principal.type, template, id));
        }
    }
    return or(results);
}
function valueMatches(type, policy, request) {
    if (sameTemplate(policy, request))
        return true;
    const policyText = knownText(policy);
    const requestText = knownText(request);
    if (policyText !== undefined && requestText !== undefined) {
        return policyText === requestText || (type === 'AWS' && sameAccount(policyText, requestText));
    }
    if (intersects(literalPattern(request), literalPattern(policy)))
        return 'unknown';
    return type === 'AWS' && mayNameAccount(policy) ? 'unknown' : false;
}
const ACCOUNT_ID = /^\d{12}$/;
const ACCOUNT_ROOT = /^arn:([^:]+):iam::(\d{12}):root$/;
const ACCOUNT_PRINCIPAL = /^arn:([^:]+):(?:iam|sts)::(\d{12}):/;
function sameAccount(policy, request) {
    const principal = ACCOUNT_PRINCIPAL.exec(request);
    if (!principal)
        return false;
    if (ACCOUNT_ID.test(policy))
        return policy === principal[2];
    const root = ACCOUNT_ROOT.exec(policy);
    return root !== null && root[1] === principal[1] && root[2] === principal[2];
}
const ANY_ROOT = globPattern(template_text('arn:*:iam::*:root'));
const ANY_ACCOUNT_ID = Array.from({ length: 12 }, () => 'one');
function mayNameAccount(policy) {
    const pattern = literalPattern(policy);
    return intersects(pattern, ANY_ROOT) || intersects(pattern, ANY_ACCOUNT_ID);
}

;// CONCATENATED MODULE: ./src/iam/validate.ts


const VERSIONS = ['2012-10-17', '2008-10-17'];
/**
 * What would make IAM refuse a trust policy, as far as evaluation is concerned: no statements,
 * an unknown Version or element, a missing or wrong Effect, Principal or Action, a Resource,
 * an unknown or mis-cased condition operator. Values known only at apply time pass.
 */
function policyProblems(policy) {
    const problems = [];
    const add = (location, message, statement) => problems.push({ location, message, ...(statement ? { statement } : {}) });
    if (!policy.hasStatement)
        add(policy.location, 'the policy has no Statement');
    for (const key of policy.unknownKeys)
        add(key.location, `"${key.key}" is not a policy element`);
    if (policy.version?.kind === 'known' && !VERSIONS.includes(policy.version.value)) {
        add(policy.version.location, `Version "${policy.version.value}" is neither 2012-10-17 nor 2008-10-17`);
    }
    for (const statement of policy.statements) {
        for (const [location, message] of statementProblems(statement))
            add(location, message, statement);
    }
    return problems;
}
function statementProblems(statement) {
    const problems = [];
    const where = `Statement[${statement.index}]`;
    const effect = statement.effect;
    if (!effect)
        problems.push([statement.location, `${where} has no Effect`]);
    else if (effect.kind === 'known' && effect.value !== 'Allow' && effect.value !== 'Deny') {
        problems.push([effect.location, `${where} has Effect "${effect.value}"; it must be "Allow" or "Deny"`]);
    }
    if (statement.principal && statement.notPrincipal)
        problems.push([statement.notPrincipal.location, `${where} has both Principal and NotPrincipal`]);
    if (!statement.principal && !statement.notPrincipal)
        problems.push([statement.location, `${where} has no Principal`]);
    for (const block of [statement.principal, statement.notPrincipal])
        if (block)
            problems.push(...principalProblems(block, where));
    if (statement.action && statement.notAction)
        problems.push([statement.notAction.location, `${where} has both Action and NotAction`]);
    if (!statement.action && !statement.notAction)
        problems.push([statement.location, `${where} has no Action`]);
    if (statement.resource)
        problems.push([statement.resource.location, `${where} has ${statement.resource.key}, which a trust policy may not have`]);
    for (const key of statement.unknownKeys)
        problems.push([key.location, `"${key.key}" is not a statement element`]);
    for (const entry of statement.condition?.entries ?? []) {
        if (!entry.operatorReference && !parseOperator(entry.operator)) {
            problems.push([entry.operatorLocation, `"${entry.operator}" is not a condition operator (operator names are case-sensitive)`]);
        }
    }
    return problems;
}
function principalProblems(block, where) {
    const problems = [];
    if (block.wildcard?.kind === 'known' && block.wildcard.value !== '*') {
        problems.push([block.wildcard.location, `${where} names the principal "${block.wildcard.value}"; a string principal must be "*"`]);
    }
    for (const entry of block.entries) {
        if (!PRINCIPAL_TYPES.includes(entry.type)) {
            problems.push([entry.typeLocation, `"${entry.type}" is not a principal type (AWS, Federated, Service, CanonicalUser)`]);
        }
    }
    return problems;
}

;// CONCATENATED MODULE: ./src/iam/evaluate.ts






/**
 * IAM's evaluation of one resource-based policy (a role trust policy): an applicable Deny wins,
 * else an applicable Allow allows, else the request is implicitly denied. Three-valued: what
 * depends on a value unknown before apply is 'unknown', never a denial.
 */
function evaluatePolicy(policy, request) {
    const invalid = policyProblems(policy);
    const statements = policy.statements.map((statement) => evaluateStatement(statement, request, invalid));
    const unknownStatements = (policy.symbolicStatements ?? []).length > 0;
    const allowedBy = statements.filter((outcome) => outcome.effect === 'Allow' && outcome.applies === true);
    const deniedBy = statements.filter((outcome) => outcome.effect === 'Deny' && outcome.applies === true);
    const mayApply = (effect) => unknownStatements || statements.some((outcome) => outcome.effect !== other(effect) && possible(outcome.applies));
    const decide = (effect, summary) => ({
        effect,
        explicitDeny: effect === 'deny' && deniedBy.length > 0,
        allowedBy,
        deniedBy,
        invalid,
        statements,
        summary,
    });
    if (invalid.length > 0)
        return decide('unknown', `IAM would reject this policy: ${invalid[0].message}`);
    if (deniedBy.length > 0)
        return decide('deny', `explicitly denied by ${deniedBy[0].label}`);
    if (!mayApply('Allow'))
        return decide('deny', implicitDenial(statements));
    if (mayApply('Deny'))
        return decide('unknown', unknownSummary(statements, 'Deny', unknownStatements));
    if (allowedBy.length > 0)
        return decide('allow', `allowed by ${allowedBy[0].label}`);
    return decide('unknown', unknownSummary(statements, 'Allow', unknownStatements));
}
function other(effect) {
    return effect === 'Allow' ? 'Deny' : 'Allow';
}
function evaluateStatement(statement, request, invalid) {
    const mismatches = [];
    const principal = evaluatePrincipal(statement, request, mismatches);
    const action = evaluateAction(statement, request, mismatches);
    const conditions = [];
    for (const entry of statement.condition?.entries ?? []) {
        const { result, mismatch } = evaluateCondition(entry, request);
        conditions.push(result);
        if (mismatch)
            mismatches.push(mismatch);
    }
    for (const reference of statement.symbolicConditions ?? []) {
        conditions.push('unknown');
        mismatches.push({
            element: 'ConditionReference',
            result: 'unknown',
            location: reference.location,
            message: `conditions ${describeTemplate(templateOf(reference))} are known only at apply time`,
        });
    }
    const condition = and(conditions);
    const problems = invalid.filter((problem) => problem.statement === statement);
    const effectText = statement.effect?.kind === 'known' ? statement.effect.value : undefined;
    const effect = effectText === 'Allow' || effectText === 'Deny' ? effectText : 'unknown';
    return {
        statement,
        label: statementLabel(statement),
        effect,
        applies: problems.length > 0 ? 'unknown' : and([principal, action, condition]),
        principal,
        action,
        condition,
        mismatches,
        invalid: problems,
    };
}
function evaluatePrincipal(statement, request, mismatches) {
    const block = statement.principal ?? statement.notPrincipal;
    if (!block)
        return 'unknown';
    const named = principalMatches(block, request.principal);
    const result = statement.principal ? named : not(named);
    if (result !== true) {
        const who = `${request.principal.type} ${describeTemplate(templateOf(request.principal.id))}`;
        const element = statement.principal ? 'Principal' : 'NotPrincipal';
        const message = result === 'unknown'
            ? `whether the ${element} names ${who} is not known before apply`
            : statement.principal
                ? `the Principal does not name ${who}`
                : `the NotPrincipal names ${who}`;
        mismatches.push({ element, result, location: block.location, message });
    }
    return result;
}
function evaluateAction(statement, request, mismatches) {
    const list = statement.action ?? statement.notAction;
    if (!list)
        return 'unknown';
    const named = or(list.values.map((value) => actionMatches(templateOf(value), request.action)));
    const result = statement.action ? named : not(named);
    if (result !== true) {
        const element = statement.action ? 'Action' : 'NotAction';
        const written = list.values.map((value) => templateText(templateOf(value))).join(', ');
        const message = result === 'unknown'
            ? `whether ${element} ${written} covers ${request.action} is not known before apply`
            : statement.action
                ? `the Action ${written} does not include ${request.action}`
                : `the NotAction ${written} excludes ${request.action}`;
        mismatches.push({ element, result, location: list.location, message });
    }
    return result;
}
/** Action names compare case-insensitively, with `*` and `?` wildcards. */
function actionMatches(policyAction, action) {
    const pattern = globPattern(lowerCase(policyAction));
    if (!hasHoles(policyAction))
        return globMatches(pattern, action.toLowerCase());
    return intersects(literalPattern(template_text(action.toLowerCase())), pattern) ? 'unknown' : false;
}
function statementLabel(statement) {
    const sid = statement.sid?.kind === 'known' && statement.sid.value !== '' ? statement.sid.value : undefined;
    return sid !== undefined ? `statement "${sid}"` : `Statement[${statement.index}]`;
}
function implicitDenial(statements) {
    const allows = statements.filter((outcome) => outcome.effect === 'Allow');
    if (allows.length === 0)
        return 'no statement allows it: the policy has no Allow statement';
    const reasons = allows.map((outcome) => {
        const first = outcome.mismatches.find((mismatch) => mismatch.result === false);
        return `${outcome.label}: ${first?.message ?? 'does not apply'}`;
    });
    return `no statement allows it (${reasons.join('; ')})`;
}
function unknownSummary(statements, effect, unknownStatements) {
    const undecided = statements.find((outcome) => outcome.effect !== other(effect) && outcome.applies === 'unknown');
    const why = undecided?.mismatches.find((mismatch) => mismatch.result === 'unknown');
    if (undecided && why)
        return `whether ${undecided.label} applies is not known before apply: ${why.message}`;
    if (unknownStatements)
        return 'some statements are known only at apply time';
    return `whether ${undecided?.label ?? 'a statement'} applies is not known before apply`;
}

;// CONCATENATED MODULE: ./src/rules/helpers/trust.ts
/** Every role with a trust policy, with the document. */
function* trustPolicies(roles) {
    for (const role of roles)
        if (role.trustPolicy)
            yield { role, policy: role.trustPolicy };
}
/** The Federated principal values of a statement. */
function federatedValues(statement) {
    return (statement.principal?.entries ?? []).filter((entry) => entry.type === 'Federated').flatMap((entry) => entry.values);
}
/** A Federated value that names an OIDC provider (known ARN with `oidc-provider/`, or any symbolic value). */
function isOidcFederated(value) {
    if (value.kind === 'symbolic')
        return !/saml/i.test(value.expression);
    return value.value.includes(':oidc-provider/') || /^oidc\./.test(value.value) || value.value.includes('oidc.eks.');
}
/** Statements whose principal is (or includes) an OIDC Federated provider: the IRSA statements. */
function oidcStatements(policy) {
    return policy.statements.filter((statement) => federatedValues(statement).some(isOidcFederated));
}
function isAllow(statement) {
    return statement.effect?.kind === 'known' && statement.effect.value === 'Allow';
}
/** The text a key's claim suffix is read from (a symbolic key uses its expression, e.g. `${module.eks.oidc_provider}:sub`). */
function keyText(key) {
    return key.kind === 'known' ? key.value : key.expression;
}
/** Which token claim a condition key tests; key names are case-insensitive in IAM. */
function claimOf(key) {
    const match = /:(sub|aud|amr)$/i.exec(keyText(key));
    return match ? match[1].toLowerCase() : 'other';
}
/** The issuer part of a claim key (`oidc.eks.r.amazonaws.com/id/X` of `oidc.eks.r.amazonaws.com/id/X:sub`). */
function keyIssuer(key) {
    const text = keyText(key);
    const colon = text.lastIndexOf(':');
    return colon < 0 ? text : text.slice(0, colon);
}
function conditionsOn(statement, claim) {
    return (statement.condition?.entries ?? []).filter((entry) => claimOf(entry.key) === claim);
}
function trust_parseOperator(operator) {
    let rest = operator;
    let setPrefix;
    const prefix = /^(ForAnyValue|ForAllValues):/.exec(rest);
    if (prefix) {
        setPrefix = prefix[1];
        rest = rest.slice(prefix[0].length);
    }
    const ifExists = rest.endsWith('IfExists');
    if (ifExists)
        rest = rest.slice(0, -'IfExists'.length);
    return { base: rest, setPrefix, ifExists, negated: /Not(Equals|Like)/.test(rest) };
}

;// CONCATENATED MODULE: ./src/rules/helpers/conditions.ts



/** The Allow statements among them: the ones that let ServiceAccount tokens in. */
function* allowedIrsaStatements(roles) {
    for (const { role, policy, statement } of irsaStatements(roles))
        if (isAllow(statement))
            yield { role, policy, statement };
}
/** Statements of any effect for a Kubernetes OIDC provider (see isServiceAccountStatement). */
function* irsaStatements(roles) {
    for (const { role, policy } of trustPolicies(roles)) {
        for (const statement of oidcStatements(policy))
            if (isServiceAccountStatement(statement))
                yield { role, policy, statement };
    }
}
const EKS_ISSUER = /^oidc[.-]eks\./i;
/**
 * Whether a statement's OIDC provider issues ServiceAccount tokens, so that the token's sub is
 * `system:serviceaccount:<ns>:<name>` and its aud `sts.amazonaws.com`: an EKS issuer in its
 * Federated ARN or claim keys, or a ServiceAccount subject among its `:sub` values (a
 * self-managed cluster). Other OIDC providers (GitHub Actions, GitLab, Terraform Cloud) have
 * other claims. When no issuer is known, a reference that mentions EKS or a cluster counts.
 */
function isServiceAccountStatement(statement) {
    const federated = federatedValues(statement).filter(isOidcFederated);
    const keys = (statement.condition?.entries ?? []).filter((entry) => claimOf(entry.key) !== 'other').map((entry) => entry.key);
    const issuers = [
        ...federated.flatMap((value) => (value.kind === 'known' ? [parseOidcProviderArn(value.value)?.issuerHostPath ?? value.value] : [])),
        ...keys.flatMap((key) => (key.kind === 'known' ? [keyIssuer(key)] : [])),
    ];
    if (issuers.some((issuer) => EKS_ISSUER.test(issuer)))
        return true;
    const subjects = (statement.condition?.entries ?? []).filter((entry) => claimOf(entry.key) === 'sub').flatMap((entry) => entry.values);
    if (subjects.some((value) => keyText(value).startsWith('system:serviceaccount')))
        return true;
    if (issuers.length > 0)
        return false;
    return [...federated, ...keys].some((value) => /eks|kubernetes|k8s|cluster/i.test(keyText(value)));
}
/** For messages, as the evaluator names statements: `statement "AllowApp"` or `Statement[1]`. */
function describeStatement(statement) {
    return statementLabel(statement);
}
/** Stable finding identity: which role, which statement; never a line. */
function statementKey(role, statement) {
    return `role:${role.label} statement:${statement.index}`;
}
/** `"oidc.eks.…/id/X:sub"` as written, for messages. */
function quotedKey(key) {
    return `"${keyText(key)}"`;
}
/** A condition that is true only when its key is present and matches: what actually restricts a claim. */
function isPositiveStringCondition(entry) {
    const operator = trust_parseOperator(entry.operator);
    return /^String(Equals|Like)(IgnoreCase)?$/.test(operator.base) && !operator.negated && operator.setPrefix !== 'ForAllValues';
}
/** Positive `String…` conditions on a claim (`:sub`, `:aud`) of a statement. */
function positiveConditionsOn(statement, claim) {
    return (statement.condition?.entries ?? []).filter((entry) => claimOf(entry.key) === claim && isPositiveStringCondition(entry));
}
/** Whether two condition keys name the same context key (known keys compare case-insensitively, as IAM does). */
function sameConditionKey(a, b) {
    if (a.kind === 'known' && b.kind === 'known')
        return a.value.toLowerCase() === b.value.toLowerCase();
    if (a.kind === 'symbolic' && b.kind === 'symbolic')
        return a.expression === b.expression;
    return false;
}
/**
 * The key prefix a missing claim condition should use: the issuer of another claim key of the
 * statement, else the host/path of its Federated provider ARN, else a placeholder.
 */
function issuerKeyPrefix(statement) {
    const existing = (statement.condition?.entries ?? []).find((entry) => claimOf(entry.key) !== 'other');
    if (existing)
        return keyIssuer(existing.key);
    for (const federated of federatedValues(statement).filter(isOidcFederated)) {
        if (federated.kind === 'known') {
            const arn = parseOidcProviderArn(federated.value);
            if (arn)
                return arn.issuerHostPath;
        }
    }
    return '<issuer host/path>';
}

;// CONCATENATED MODULE: ./src/rules/aud-condition-invalid.ts





const audConditionInvalid = {
    meta: {
        id: 'aud-condition-invalid',
        level: 'error',
        description: 'A trust-policy ":aud" condition that IRSA tokens cannot satisfy (a value other than "sts.amazonaws.com" that no ServiceAccount audience explains, or a subject under the aud key); a missing ":aud" condition is a note.',
        remediation: 'Compare "<issuer>:aud" with "sts.amazonaws.com", or with the eks.amazonaws.com/audience the ServiceAccount sets.',
    },
    *check(graph) {
        const audiences = graph.facts.serviceAccounts.flatMap((sa) => (sa.audience ? [sa.audience] : []));
        // A ServiceAccount audience known only at apply time could be any value: then no aud value is provably wrong.
        const audienceUnknown = audiences.some((audience) => audience.kind === 'symbolic');
        const inUse = [DEFAULT_AUDIENCE, ...audiences.flatMap((audience) => (audience.kind === 'known' ? [audience.value] : []))];
        for (const { role, statement } of allowedIrsaStatements(graph.facts.roles)) {
            if (conditionsOn(statement, 'aud').length === 0) {
                const prefix = issuerKeyPrefix(statement);
                yield {
                    location: statement.condition?.location ?? statement.location,
                    level: 'note',
                    message: `${describeStatement(statement)} has no "${prefix}:aud" condition; STS still checks the OIDC provider's client IDs, but AWS recommends adding "StringEquals": {"${prefix}:aud": "${DEFAULT_AUDIENCE}"}`,
                    key: `${statementKey(role, statement)} aud:missing`,
                };
                continue;
            }
            if (audienceUnknown)
                continue;
            for (const entry of positiveConditionsOn(statement, 'aud')) {
                if (entry.values.some((value) => value.kind === 'symbolic' || inUse.some((audience) => accepts(entry, value.value, audience))))
                    continue;
                for (const value of entry.values) {
                    if (value.kind !== 'known')
                        continue;
                    yield {
                        location: value.location,
                        message: `${quotedKey(entry.key)} in ${describeStatement(statement)} ${wrongAudience(value.value, keyIssuer(entry.key))}`,
                        key: `${statementKey(role, statement)} aud:${value.value}`,
                    };
                }
            }
        }
    },
};
function accepts(entry, conditionValue, audience) {
    const operator = trust_parseOperator(entry.operator);
    const ignoreCase = operator.base.endsWith('IgnoreCase');
    const [pattern, subject] = ignoreCase ? [conditionValue.toLowerCase(), audience.toLowerCase()] : [conditionValue, audience];
    return operator.base.startsWith('StringLike') ? globMatches(globPattern(template_text(pattern)), subject) : pattern === subject;
}
function wrongAudience(value, issuer) {
    if (value.startsWith('system:serviceaccount')) {
        return `is compared with the ServiceAccount subject "${value}", so no token matches (its aud claim is "${DEFAULT_AUDIENCE}"); move the subject under "${issuer}:sub" and compare ":aud" with "${DEFAULT_AUDIENCE}"`;
    }
    const china = value === 'sts.amazonaws.com.cn' ? ', in China too,' : '';
    return `expects "${value}", but IRSA tokens carry aud "${DEFAULT_AUDIENCE}"${china} unless the ServiceAccount sets eks.amazonaws.com/audience, and no scanned ServiceAccount sets "${value}"; write "${DEFAULT_AUDIENCE}"`;
}

;// CONCATENATED MODULE: ./src/rules/condition-fails-open.ts


const conditionFailsOpen = {
    meta: {
        id: 'condition-fails-open',
        level: 'error',
        security: true,
        description: 'A negated operator, "…IfExists" or "ForAllValues:" on a ":sub" or ":aud" key of an Allow statement: true when the key is absent, so the condition restricts nothing.',
        remediation: 'Allow the intended ServiceAccounts with a positive StringEquals (or StringLike) condition on the ":sub" and ":aud" keys.',
    },
    *check(graph) {
        for (const { role, statement } of allowedIrsaStatements(graph.facts.roles)) {
            for (const entry of statement.condition?.entries ?? []) {
                const claim = claimOf(entry.key);
                if (claim !== 'sub' && claim !== 'aud')
                    continue;
                const operator = trust_parseOperator(entry.operator);
                const why = failsOpenBecause(operator);
                if (!why || requiredElsewhere(statement, entry))
                    continue;
                yield {
                    location: entry.operatorLocation,
                    message: `${entry.operator} on ${quotedKey(entry.key)} in ${describeStatement(statement)} ${why}, so it lets in tokens no one meant to admit; ${fix(operator, claim)}`,
                    key: `${statementKey(role, statement)} ${entry.operator} ${entry.key.kind === 'known' ? entry.key.value : entry.key.expression}`,
                };
            }
        }
    },
};
function failsOpenBecause(operator) {
    if (operator.negated)
        return 'is true for every value it does not list, and whenever the key is absent (a key of another provider, a typo)';
    if (operator.ifExists)
        return 'is true whenever the key is absent (a key of another provider, a typo)';
    if (operator.setPrefix === 'ForAllValues')
        return 'is true whenever the key is absent or empty';
    return undefined;
}
function fix(operator, claim) {
    const wanted = claim === 'sub' ? 'the ServiceAccounts that may assume the role ("system:serviceaccount:<namespace>:<name>")' : 'the audience ("sts.amazonaws.com", or the ServiceAccount\'s eks.amazonaws.com/audience)';
    if (operator.negated)
        return `name ${wanted} under StringEquals instead`;
    return `write ${operator.base} without ${operator.setPrefix === 'ForAllValues' ? '"ForAllValues:"' : '"IfExists"'}, naming ${wanted}`;
}
/** A positive condition on the same key in the statement already requires the key, so this one cannot open the door. */
function requiredElsewhere(statement, entry) {
    return positiveConditionsOn(statement, claimOf(entry.key)).some((other) => other !== entry && sameConditionKey(other.key, entry.key) && !trust_parseOperator(other.operator).ifExists);
}

;// CONCATENATED MODULE: ./src/iam/service-account-token.ts





const WEB_IDENTITY_ACTION = 'sts:AssumeRoleWithWebIdentity';
/** A namespace and a name no one defines: asking for them measures how broad a trust policy is. */
const PROBE_NAMESPACE = 'zq7x-undefined-namespace';
const PROBE_NAME = 'zq7x-undefined-service-account';
/**
 * Would STS accept this ServiceAccount's token for the role? The request is
 * `sts:AssumeRoleWithWebIdentity` by the Federated OIDC provider, with `<issuer>:sub` =
 * `system:serviceaccount:<ns>:<name>` and `<issuer>:aud` = the audience (no `:amr`). When the
 * provider or issuer is not known, each OIDC provider the policy names is tried as the token's
 * provider (the pod runs on the right cluster): allow if any allows, unknown if any is unknown.
 * A provider known only as a reference is taken to be the one the policy's condition keys name.
 */
function acceptsServiceAccountToken(policy, query) {
    const subject = concat('system:serviceaccount:', query.namespace, ':', query.name);
    const audience = templateOf(query.audience ?? DEFAULT_AUDIENCE);
    const attempts = candidates(policy, query).map(({ provider, issuer }) => {
        const request = {
            action: WEB_IDENTITY_ACTION,
            principal: { type: 'Federated', id: provider },
            context: [
                { key: concat(issuer, ':sub'), values: [subject] },
                { key: concat(issuer, ':aud'), values: [audience] },
            ],
            unknownKeyPrefixes: ['aws:', 'sts:'],
            subject: 'the token',
        };
        return { provider, issuer, request, decision: evaluatePolicy(policy, request) };
    });
    const decisive = attempts.find((attempt) => attempt.decision.effect === 'allow') ??
        attempts.find((attempt) => attempt.decision.effect === 'unknown') ??
        attempts[0];
    return { effect: decisive.decision.effect, subject, audience, attempts, decisive, decision: decisive.decision };
}
/**
 * Would the policy accept a ServiceAccount no one defined (any namespace, any name)? Its owner
 * may pick any audience, so the default and each audience the policy names are tried.
 */
function acceptsAnyServiceAccount(policy, options = {}) {
    return probe(policy, PROBE_NAMESPACE, options);
}
/** Would the policy accept a ServiceAccount no one defined in this namespace? */
function acceptsAnyServiceAccountInNamespace(policy, namespace, options = {}) {
    return probe(policy, namespace, options);
}
function probe(policy, namespace, options) {
    const audiences = options.audience !== undefined ? [options.audience] : [DEFAULT_AUDIENCE, ...audiencesNamed(policy)];
    const decisions = audiences.map((audience) => acceptsServiceAccountToken(policy, { ...options, namespace, name: PROBE_NAME, audience }));
    return decisions.find((d) => d.effect === 'allow') ?? decisions.find((d) => d.effect === 'unknown') ?? decisions[0];
}
function candidates(policy, query) {
    const given = query.issuerHostPath !== undefined ? template_text(query.issuerHostPath) : undefined;
    const providers = query.providerArn !== undefined
        ? [templateOf(query.providerArn)]
        : oidcProvidersNamed(policy).filter((provider) => !given || mayHaveIssuer(provider, query.issuerHostPath));
    if (providers.length === 0)
        providers.push(given ? synthesisedProvider(query.issuerHostPath) : hole('OIDC provider of the cluster'));
    return providers.flatMap((provider) => {
        const issuer = given ?? issuerOf(provider);
        const issuers = issuer ? [issuer] : keyIssuers(policy);
        return issuers.map((each) => ({ provider, issuer: each }));
    });
}
const OIDC_PROVIDER_ARN = globPattern(template_text('arn:*:iam::*:oidc-provider/*'));
/** The Federated principals that are (or may be) IAM OIDC providers, each once. */
function oidcProvidersNamed(policy) {
    const found = [];
    for (const statement of policy.statements) {
        for (const entry of statement.principal?.entries ?? []) {
            if (entry.type !== 'Federated')
                continue;
            for (const value of entry.values) {
                const provider = templateOf(value);
                const oidc = hasHoles(provider)
                    ? intersects(literalPattern(provider), OIDC_PROVIDER_ARN)
                    : parseOidcProviderArn(knownText(provider)) !== undefined;
                if (oidc && !found.some((seen) => sameTemplate(seen, provider)))
                    found.push(provider);
            }
        }
    }
    return found;
}
/** The issuer (host and path) in a provider ARN, itself possibly a template; undefined when not told. */
function issuerOf(provider) {
    const marker = ':oidc-provider/';
    const index = provider.findIndex((part) => 'text' in part && part.text.includes(marker));
    if (index < 0)
        return undefined;
    const part = provider[index];
    const issuer = concat(part.text.slice(part.text.indexOf(marker) + marker.length), [...provider.slice(index + 1)]);
    return issuer.length > 0 ? issuer : undefined;
}
function mayHaveIssuer(provider, issuerHostPath) {
    const issuer = issuerOf(provider);
    if (!issuer)
        return hasHoles(provider);
    return intersects(literalPattern(template_text(issuerHostPath)), literalPattern(issuer));
}
function synthesisedProvider(issuerHostPath) {
    const region = parseEksIssuerHostPath(issuerHostPath)?.region;
    const partition = region ? partitionOfRegion(region) : 'aws';
    return concat(`arn:${partition}:iam::`, hole('account'), `:oidc-provider/${issuerHostPath}`);
}
const CLAIM_SUFFIX = /:(sub|aud|amr)$/i;
/** The issuers the policy's `<issuer>:sub|aud|amr` keys are named after, each once; one unknown issuer when there are none. */
function keyIssuers(policy) {
    const found = [];
    for (const statement of policy.statements) {
        for (const entry of statement.condition?.entries ?? []) {
            const key = templateOf(entry.key);
            const last = key[key.length - 1];
            if (!last || !('text' in last) || !CLAIM_SUFFIX.test(last.text))
                continue;
            const issuer = concat([...key.slice(0, -1)], last.text.slice(0, -4));
            if (!found.some((seen) => sameTemplate(seen, issuer, true)))
                found.push(issuer);
        }
    }
    return found.length > 0 ? found : [hole('issuer of the cluster')];
}
/** Literal audiences the policy accepts under a positive string operator on an `:aud` key. */
function audiencesNamed(policy) {
    const found = new Set();
    for (const statement of policy.statements) {
        for (const entry of statement.condition?.entries ?? []) {
            const operator = parseOperator(entry.operator);
            const key = templateText(templateOf(entry.key));
            if (operator?.family !== 'String' || operator.negated || !/:aud$/i.test(key))
                continue;
            for (const value of entry.values) {
                const audience = value.kind === 'known' ? value.value : undefined;
                if (audience && !(operator.comparison === 'like' && /[*?]/.test(audience)))
                    found.add(audience);
            }
        }
    }
    found.delete(DEFAULT_AUDIENCE);
    return [...found];
}

;// CONCATENATED MODULE: ./src/rules/helpers/correlation.ts




function roleIdentity(role) {
    const arn = role.arn?.kind === 'known' ? parseRoleArn(role.arn.value) : undefined;
    return {
        name: role.name?.kind === 'known' ? role.name.value : arn?.name,
        path: role.path?.kind === 'known' ? role.path.value : arn?.path,
        account: role.account?.kind === 'known' ? role.account.value : arn?.account,
    };
}
/** "role orders-reader", or the source's label when the name is not known ("CloudFormation role AppRole (cfn.json)"). */
function roleTitle(role) {
    const name = roleIdentity(role).name;
    return name !== undefined ? `role ${name}` : role.label;
}
/** "role orders-reader's trust", or "trust policy iam/trust.json" for a file bound to no role. */
function trustTitle(role) {
    if (isUnboundTrustPolicy(role))
        return role.label;
    return `${roleTitle(role)}'s trust`;
}
/** A role the sources define without saying its name: a trust policy file bound to nothing. */
function isUnboundTrustPolicy(role) {
    return role.name === undefined && role.arn === undefined && role.generatedName === undefined && role.arnReferences.length === 0;
}
/** The namespace and name of a ServiceAccount when both are known. */
function knownServiceAccount(sa) {
    if (sa.namespace.kind !== 'known' || sa.name.kind !== 'known')
        return undefined;
    return { namespace: sa.namespace.value, name: sa.name.value };
}
/** A ServiceAccount's known role-arn annotation and its parsed ARN; undefined when it is symbolic or malformed. */
function annotatedRole(sa) {
    if (sa.roleArn?.kind !== 'known')
        return undefined;
    const arn = parseRoleArn(sa.roleArn.value.trim());
    return arn ? { value: sa.roleArn, arn } : undefined;
}
/** The audience of the ServiceAccount's projected token; undefined when the annotation is symbolic. */
function tokenAudience(sa) {
    if (sa.audience === undefined)
        return { audience: DEFAULT_AUDIENCE, explicit: false };
    if (sa.audience.kind !== 'known')
        return undefined;
    // An empty annotation is annotation-value-invalid's finding; the webhook then uses its default.
    // The default written out changes nothing about the token.
    if (sa.audience.value.trim() === '' || sa.audience.value === DEFAULT_AUDIENCE)
        return { audience: DEFAULT_AUDIENCE, explicit: false };
    return { audience: sa.audience.value, explicit: true, location: sa.audience.location };
}
/** "ServiceAccount prod/orders (k8s/orders.yaml:6)", pointing at the role-arn annotation when there is one. */
function describeServiceAccount(sa) {
    const known = knownServiceAccount(sa);
    const name = known ? `${known.namespace}/${known.name}` : 'ServiceAccount';
    return `ServiceAccount ${name} (${formatLocation(sa.roleArn?.location ?? sa.location)})`;
}
function serviceAccountKey(sa) {
    const known = knownServiceAccount(sa);
    return known ? `sa:${known.namespace}/${known.name}` : `sa:${formatLocation(sa.location)}`;
}
function roleKey(role) {
    const identity = roleIdentity(role);
    return `role:${identity.account ?? ''}${identity.path ?? ''}${identity.name ?? role.label}`;
}
function knownClusters(graph, config) {
    const clusters = [];
    for (const cluster of config.clusters) {
        if (!cluster.issuer)
            continue;
        const hostPath = issuerHostPath(cluster.issuer);
        clusters.push({
            name: cluster.name,
            issuer: cluster.issuer,
            hostPath,
            region: cluster.region ?? parseEksIssuerHostPath(hostPath)?.region,
            account: cluster.account,
            ...(cluster.location ? { location: cluster.location } : {}),
        });
    }
    for (const cluster of graph.clustersWithIssuer()) {
        if (cluster.issuer?.kind !== 'known')
            continue;
        const hostPath = issuerHostPath(cluster.issuer.value);
        if (clusters.some((other) => other.hostPath === hostPath))
            continue;
        clusters.push({
            name: cluster.name.kind === 'known' ? cluster.name.value : `at ${formatLocation(cluster.location)}`,
            issuer: cluster.issuer.value,
            hostPath,
            region: (cluster.region?.kind === 'known' ? cluster.region.value : undefined) ?? parseEksIssuerHostPath(hostPath)?.region,
            account: cluster.account?.kind === 'known' ? cluster.account.value : undefined,
            location: cluster.location,
        });
    }
    return clusters;
}
/** "cluster prod (issuer https://…, .irsa-guard.yml:3)", or "… from the config file)" when it lies outside the repository. */
function describeCluster(cluster) {
    return `cluster ${cluster.name} (issuer ${cluster.issuer}, ${cluster.location ? formatLocation(cluster.location) : 'from the config file'})`;
}
/** The region of an EKS issuer host/path, tolerating the trailing slash that makes it wrong. */
function issuerRegion(hostPath) {
    return parseEksIssuerHostPath(hostPath.replace(/\/+$/, ''))?.region;
}
/**
 * The known clusters in the same region (and account, when both are known) as an issuer that is
 * none of theirs; empty when the issuer belongs to a known cluster or no known cluster could own it.
 */
function clustersContradicting(hostPath, account, clusters) {
    if (clusters.some((cluster) => cluster.hostPath === hostPath))
        return [];
    const region = issuerRegion(hostPath);
    if (region === undefined)
        return [];
    return clusters.filter((cluster) => cluster.region === region && (account === undefined || cluster.account === undefined || cluster.account === account));
}
/** A name close enough to another to be a typo of it. */
function isNearName(candidate, name) {
    return nearNameDistance(candidate, name) !== undefined;
}
/** The case-insensitive edit distance of two names when it is small enough for a typo, else undefined. */
function nearNameDistance(candidate, name) {
    const limit = Math.max(2, Math.floor(name.length / 3));
    if (Math.abs(candidate.length - name.length) > limit)
        return undefined;
    const distance = boundedEditDistance(candidate.toLowerCase(), name.toLowerCase(), limit);
    return distance <= limit ? distance : undefined;
}
/** Levenshtein distance, or a number above `limit` as soon as it must exceed it. */
function boundedEditDistance(left, right, limit) {
    let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
    for (let i = 1; i <= left.length; i++) {
        const current = [i];
        for (let j = 1; j <= right.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (left[i - 1] === right[j - 1] ? 0 : 1));
        }
        if (Math.min(...current) > limit)
            return limit + 1;
        previous = current;
    }
    return previous[right.length];
}
/** `arn:aws:iam::111122223333:role/team/orders` from an annotation ARN with another path or account. */
function withPath(arn, path) {
    return `arn:${arn.partition}:iam::${arn.account}:role${path}${arn.name}`;
}
function withAccount(arn, account) {
    return `arn:${arn.partition}:iam::${account}:role${arn.path}${arn.name}`;
}
/**
 * Whether a role's path may be this one. A role read from a plain trust-policy file without an
 * ARN has no stated path (the file does not say); elsewhere an unstated path is IAM's default "/".
 */
function pathMayBe(role, path) {
    if (role.path?.kind === 'symbolic')
        return true;
    const stated = roleIdentity(role).path;
    if (stated !== undefined)
        return stated === path;
    return role.source === 'iam-json' || role.source === 'config' ? true : path === '/';
}
function sameRoleName(role, name) {
    return roleIdentity(role).name?.toLowerCase() === name.toLowerCase();
}
/**
 * Roles with the annotation's name and path that the sources define only in other accounts
 * (role-account-mismatch); empty when a role of that name may be in the annotation's account.
 */
function rolesInOtherAccounts(graph, arn) {
    const named = graph.facts.roles.filter((role) => sameRoleName(role, arn.name) && pathMayBe(role, arn.path));
    const elsewhere = named.filter((role) => {
        const account = roleIdentity(role).account;
        return account !== undefined && account !== arn.account && role.account?.kind !== 'symbolic';
    });
    return elsewhere.length === named.length ? elsewhere : [];
}
/** The issuers a trust policy names: its Federated provider ARNs and its claim keys, known ones only. */
function trustIssuers(policy) {
    const found = [];
    for (const statement of policy.statements) {
        for (const value of federatedValues(statement)) {
            const arn = value.kind === 'known' ? parseOidcProviderArn(value.value) : undefined;
            if (arn)
                found.push({ hostPath: arn.issuerHostPath, account: arn.account, location: value.location });
        }
        for (const entry of statement.condition?.entries ?? []) {
            if (entry.key.kind === 'known' && claimOf(entry.key) !== 'other')
                found.push({ hostPath: keyIssuer(entry.key), location: entry.keyLocation });
        }
    }
    return found;
}
/** Whether cluster-issuer-mismatch reports an issuer of this trust. */
function trustContradictsClusters(role, policy, clusters) {
    const account = roleIdentity(role).account;
    return trustIssuers(policy).some((issuer) => clustersContradicting(issuer.hostPath, issuer.account ?? account, clusters).length > 0);
}
/**
 * The cluster whose tokens a ServiceAccount of this role carries, when that can be told: the one
 * known cluster in the role's account and in a region the trust names, else the only known cluster.
 */
function clusterOf(role, account, policy, clusters) {
    if (clusters.length === 0)
        return undefined;
    const regions = new Set(trustIssuers(policy).flatMap((issuer) => issuerRegion(issuer.hostPath) ?? []));
    const home = roleIdentity(role).account ?? account;
    const matching = clusters.filter((cluster) => (home === undefined || cluster.account === undefined || cluster.account === home) &&
        (regions.size === 0 || (cluster.region !== undefined && regions.has(cluster.region))));
    if (matching.length === 1)
        return matching[0];
    return clusters.length === 1 ? clusters[0] : undefined;
}
function checkToken(sa, role, clusters) {
    const policy = role.trustPolicy;
    const known = knownServiceAccount(sa);
    const audience = tokenAudience(sa);
    if (!policy || !known || !audience)
        return undefined;
    const cluster = clusterOf(role, annotatedRole(sa)?.arn.account, policy, clusters);
    const decision = acceptsServiceAccountToken(policy, {
        namespace: known.namespace,
        name: known.name,
        audience: audience.audience,
        ...(cluster ? { issuerHostPath: cluster.hostPath } : {}),
    });
    return { sa, ...known, role, policy, audience, ...(cluster ? { cluster } : {}), decision };
}
function refusal(check) {
    if (check.decision.effect !== 'deny')
        return undefined;
    const decision = check.decision.decision;
    if (decision.deniedBy.length > 0)
        return { deniedBy: decision.deniedBy[0], failures: [] };
    const allows = decision.statements.filter((outcome) => outcome.effect === 'Allow' && federatedValues(outcome.statement).some(isOidcFederated));
    const score = (outcome) => (outcome.principal === false ? 100 : 0) + (outcome.action === false ? 10 : 0) + outcome.mismatches.filter((m) => m.result === false).length;
    const closest = [...allows].sort((a, b) => score(a) - score(b))[0];
    if (!closest)
        return { failures: [] };
    const failures = closest.mismatches.filter((mismatch) => mismatch.result === false);
    // A provider of another issuer also means the token lacks the keys named after that issuer: one fault.
    if (failures.some((failure) => failureKind(failure) === 'principal')) {
        return { closest, failures: failures.filter((failure) => !(failure.element === 'Condition' && failure.requestValues === undefined)) };
    }
    return { closest, failures };
}
function failureKind(mismatch) {
    if (mismatch.element === 'Principal' || mismatch.element === 'NotPrincipal')
        return 'principal';
    if (mismatch.element === 'Action' || mismatch.element === 'NotAction')
        return 'action';
    if (mismatch.element !== 'Condition')
        return 'other';
    const claim = claimOf(mismatch.key);
    return claim === 'sub' || claim === 'aud' ? claim : 'other';
}
/**
 * Whether the trust refuses the token of some ServiceAccount that names the role because of its
 * subject (the case trust-denies-service-account reports with the fix).
 */
function refusesServiceAccountOfItsRole(graph, clusters, role) {
    return graph.serviceAccountsUsing(role).some((sa) => {
        const check = checkToken(sa, role, clusters);
        return check !== undefined && (refusal(check)?.failures ?? []).some((failure) => failureKind(failure) === 'sub');
    });
}
/** Whether a role the ServiceAccount names refuses its token for its subject (trust-denies-service-account's finding). */
function refusedByItsRole(graph, clusters, sa) {
    return graph.rolesOf(sa).some(({ role }) => {
        const check = checkToken(sa, role, clusters);
        return check !== undefined && (refusal(check)?.failures ?? []).some((failure) => failureKind(failure) === 'sub');
    });
}
/**
 * Another role with a name whose trust accepts this ServiceAccount's token specifically (not as
 * one of any ServiceAccount of a namespace): the annotation probably names the wrong role.
 */
function roleAcceptingInstead(graph, check) {
    return graph.facts.roles.find((role) => {
        if (role === check.role || !role.trustPolicy || roleIdentity(role).name === undefined)
            return false;
        if (!mayNameServiceAccount(role.trustPolicy, check.name))
            return false;
        const other = checkToken(check.sa, role, check.cluster ? [check.cluster] : []);
        if (other?.decision.effect !== 'allow')
            return false;
        return acceptsAnyServiceAccountInNamespace(role.trustPolicy, check.namespace, { audience: check.audience.audience }).effect === 'deny';
    });
}
/** A cheap pre-filter before evaluating: some sub value may hold this name (it contains it, a wildcard, or a reference). */
function mayNameServiceAccount(policy, name) {
    return policy.statements.some((statement) => (statement.condition?.entries ?? []).some((entry) => claimOf(entry.key) === 'sub' &&
        entry.values.some((value) => value.kind === 'symbolic' || value.value.includes(name) || /[*?]/.test(value.value))));
}
/** Whether a trust policy bound to no role accepts this ServiceAccount's token (its role is then probably that one). */
function acceptedByUnboundTrust(graph, sa) {
    return graph.facts.roles.some((role) => {
        if (!isUnboundTrustPolicy(role))
            return false;
        const check = checkToken(sa, role, []);
        return check !== undefined && check.decision.effect !== 'deny';
    });
}

;// CONCATENATED MODULE: ./src/rules/helpers/subject-pattern.ts


const FILL = 'zq7x-undefined';
/** The broadest reading of the pattern, or undefined when it admits no subject beyond the ones it names. */
function subjectReach(pattern) {
    if (!/[*?]/.test(pattern))
        return undefined;
    const readings = fourPartReadings(pattern).flatMap((parts) => reachOf(parts, pattern));
    return readings.sort((a, b) => rank(b) - rank(a))[0];
}
function rank(reach) {
    return (reach.anyNamespace ? 2 : 0) + (reach.anyName ? 1 : 0);
}
function reachOf([system, serviceaccount, namespacePart, namePart], pattern) {
    if (!globMatches(globPattern(template_text(system)), 'system') || !globMatches(globPattern(template_text(serviceaccount)), 'serviceaccount'))
        return [];
    const witness = { namespace: fill(namespacePart), name: fill(namePart) };
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(witness.namespace) || !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(witness.name))
        return [];
    // The witness must be a subject the original pattern admits (it is, unless a reading is wrong).
    if (!globMatches(globPattern(template_text(pattern)), `system:serviceaccount:${witness.namespace}:${witness.name}`))
        return [];
    const reach = { namespacePart: namespacePart, namePart: namePart, anyNamespace: /[*?]/.test(namespacePart), anyName: namePart === '*', witness };
    return reach.anyNamespace || reach.anyName ? [reach] : [];
}
/** `*` becomes a made-up name, `?` one letter. */
function fill(part) {
    return part.replace(/\*/g, FILL).replace(/\?/g, 'x');
}
/** Every way to read the pattern as four `:`-separated parts, letting `*` wildcards supply missing colons. */
function fourPartReadings(pattern) {
    const parts = pattern.split(':');
    if (parts.length > 4)
        return [];
    if (parts.length === 4)
        return [parts];
    const missing = 4 - parts.length;
    const stars = [...pattern].flatMap((char, index) => (char === '*' ? [index] : []));
    const readings = [];
    for (const counts of distributions(missing, stars.length)) {
        let expanded = '';
        let star = 0;
        for (const char of pattern) {
            if (char === '*')
                expanded += Array.from({ length: counts[star++] + 1 }, () => '*').join(':');
            else
                expanded += char;
        }
        readings.push(expanded.split(':'));
    }
    return readings;
}
/** Every way to share `total` colons among `slots` wildcards. */
function distributions(total, slots) {
    if (slots === 0)
        return total === 0 ? [[]] : [];
    if (slots === 1)
        return [[total]];
    const result = [];
    for (let first = 0; first <= total; first++)
        for (const rest of distributions(total - first, slots - 1))
            result.push([first, ...rest]);
    return result;
}

;// CONCATENATED MODULE: ./src/rules/sub-condition-broad.ts









const subConditionBroad = {
    meta: {
        id: 'sub-condition-broad',
        level: 'warning',
        security: true,
        description: 'A StringLike ":sub" pattern that admits ServiceAccounts no one defined: any of a namespace (warning), or in namespaces the pattern does not name (error).',
        remediation: 'Name each ServiceAccount that may assume the role: "system:serviceaccount:<namespace>:<name>" under StringEquals.',
    },
    *check(graph) {
        for (const { role, policy, statement } of allowedIrsaStatements(graph.facts.roles)) {
            for (const entry of positiveConditionsOn(statement, 'sub')) {
                if (!trust_parseOperator(entry.operator).base.startsWith('StringLike'))
                    continue;
                for (const value of entry.values) {
                    if (value.kind !== 'known')
                        continue;
                    const reach = subjectReach(value.value);
                    if (!reach || !acceptedBy(policy, statement, reach))
                        continue;
                    yield {
                        location: value.location,
                        level: reach.anyNamespace ? 'error' : 'warning',
                        message: `${entry.operator} on ${quotedKey(entry.key)} in ${describeStatement(statement)} admits "${value.value}": ${scope(reach)} can assume ${roleTitle(role)}; ${sub_condition_broad_fix(graph, role, value.value, reach)}`,
                        related: usersMatching(graph, role, value.value).map((user) => ({ location: user.location, message: `ServiceAccount ${user.subject} uses this role` })),
                        key: `${statementKey(role, statement)} sub:${value.value}`,
                    };
                }
            }
        }
    },
};
/** The evaluator's answer for a token of a ServiceAccount no one defined that the pattern admits: does this statement let it in? */
function acceptedBy(policy, statement, reach) {
    const audiences = [DEFAULT_AUDIENCE, ...positiveConditionsOn(statement, 'aud').flatMap((entry) => entry.values.flatMap((value) => (value.kind === 'known' ? [value.value] : [])))];
    return audiences.some((audience) => {
        const token = acceptsServiceAccountToken(policy, { ...reach.witness, audience });
        return token.effect === 'allow' && token.attempts.some((attempt) => attempt.decision.allowedBy.some((outcome) => outcome.statement === statement));
    });
}
function scope(reach) {
    const who = reach.anyName ? 'any ServiceAccount' : reach.namePart.includes('*') || reach.namePart.includes('?') ? `a ServiceAccount matching "${reach.namePart}"` : `a ServiceAccount named "${reach.namePart}"`;
    if (!reach.anyNamespace)
        return `${who} in namespace "${reach.namespacePart}", including ones created later,`;
    return reach.namespacePart === '*' ? `${who} in any namespace` : `${who} in any namespace matching "${reach.namespacePart}"`;
}
function sub_condition_broad_fix(graph, role, pattern, reach) {
    const users = usersMatching(graph, role, pattern);
    if (users.length > 0)
        return `list the ServiceAccounts under StringEquals instead: ${users.map((user) => `"${user.subject}" (${formatLocation(user.location)})`).join(', ')}`;
    const namespace = reach.anyNamespace ? '<namespace>' : reach.namespacePart;
    const name = reach.anyName || /[*?]/.test(reach.namePart) ? '<name>' : reach.namePart;
    return `name the ServiceAccount under StringEquals: "${serviceAccountSubject(namespace, name)}"`;
}
/** ServiceAccounts whose annotation names the role and whose subject the pattern admits: the ones it was meant for. */
function usersMatching(graph, role, pattern) {
    const glob = globPattern(template_text(pattern));
    return graph.serviceAccountsUsing(role).flatMap((sa) => {
        if (sa.namespace.kind !== 'known' || sa.name.kind !== 'known')
            return [];
        const subject = serviceAccountSubject(sa.namespace.value, sa.name.value);
        return globMatches(glob, subject) ? [{ subject, location: sa.location }] : [];
    });
}

;// CONCATENATED MODULE: ./src/rules/sub-condition-missing.ts





const subConditionMissing = {
    meta: {
        id: 'sub-condition-missing',
        level: 'error',
        security: true,
        description: 'An Allow statement for an OIDC provider with no positive ":sub" condition: a token of any ServiceAccount in the cluster is accepted.',
        remediation: 'Add a StringEquals condition on "<issuer>:sub" naming the ServiceAccounts that may assume the role.',
    },
    *check(graph) {
        for (const { role, policy } of trustPolicies(graph.facts.roles)) {
            const token = acceptsAnyServiceAccount(policy);
            if (token.effect !== 'allow')
                continue;
            const admitting = new Set(token.attempts.flatMap((attempt) => attempt.decision.allowedBy.map((outcome) => outcome.statement)));
            for (const statement of admitting) {
                // A positive :sub condition that a made-up ServiceAccount still passes is a wildcard: sub-condition-broad's finding.
                if (!isAllow(statement) || !isServiceAccountStatement(statement) || positiveConditionsOn(statement, 'sub').some((entry) => !trust_parseOperator(entry.operator).ifExists))
                    continue;
                const issuer = issuerKeyPrefix(statement);
                const users = graph.serviceAccountsUsing(role).flatMap((sa) => sa.namespace.kind === 'known' && sa.name.kind === 'known' ? [{ sa, subject: serviceAccountSubject(sa.namespace.value, sa.name.value) }] : []);
                const subjects = users.length === 0 ? '"system:serviceaccount:<namespace>:<name>"' : users.length === 1 ? `"${users[0].subject}"` : `[${users.map((user) => `"${user.subject}"`).join(', ')}]`;
                yield {
                    location: statement.condition?.location ?? statement.location,
                    message: `${describeStatement(statement)} of ${roleTitle(role)} accepts a token of any ServiceAccount in any namespace: ${why(statement)}; add "StringEquals": {"${issuer}:sub": ${subjects}}`,
                    related: users.map(({ sa, subject }) => ({ location: sa.location, message: `ServiceAccount ${subject} uses this role` })),
                    key: statementKey(role, statement),
                };
            }
        }
    },
};
function why(statement) {
    const sub = conditionsOn(statement, 'sub')[0];
    if (sub && trust_parseOperator(sub.operator).negated)
        return `its only ":sub" condition, ${sub.operator}, excludes subjects instead of naming them`;
    if (sub)
        return `its only ":sub" condition, ${sub.operator}, is true when its key is absent`;
    if (!statement.condition || statement.condition.entries.length === 0)
        return 'it has no Condition';
    return 'it has no ":sub" condition';
}

;// CONCATENATED MODULE: ./src/rules/helpers/subject.ts
const PREFIX = 'system:serviceaccount:';
const GENERIC_FIX = `write "${PREFIX}<namespace>:<name>"`;
const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const PLACEHOLDER = /\$\{[^}]*\}|\{\{[^}]*\}\}|\{[A-Za-z_][\w.]*\}|\$\([^)]*\)|\$[A-Za-z_]\w*|<[^<>]*>/;
function subjectProblem(value, options) {
    if (value === '')
        return { problem: 'is empty', fix: GENERIC_FIX };
    if (value.trim() !== value)
        return { problem: 'has leading or trailing whitespace, which STS compares literally', fix: `write "${value.trim()}"` };
    const placeholder = PLACEHOLDER.exec(value);
    if (placeholder)
        return { problem: `holds the unrendered placeholder "${placeholder[0]}", which STS compares literally`, fix: 'render it before the policy is applied, or write the namespace and name' };
    if (/^(https:\/\/)?sts\.|amazonaws\.com/i.test(value))
        return { problem: 'is an audience, not a subject (it belongs under the ":aud" key)', fix: GENERIC_FIX };
    if (value.startsWith(PREFIX + PREFIX))
        return { problem: `repeats the "${PREFIX}" prefix`, fix: `write "${value.slice(PREFIX.length)}"` };
    if (value.startsWith('system:serviceaccounts:')) {
        const rest = value.slice('system:serviceaccounts:'.length);
        const fix = rest.includes(':') ? `write "${PREFIX}${rest}"` : `name the ServiceAccount: "${PREFIX}${rest}:<name>"`;
        return { problem: 'starts with "system:serviceaccounts:" (plural), a Kubernetes group prefix that token subjects never have', fix };
    }
    const unprefixed = value.startsWith(PREFIX) ? value.slice(PREFIX.length) : value;
    const slashed = /^([^/:]+)\/([^/:]+)$/.exec(unprefixed);
    if (slashed)
        return { problem: 'separates namespace and name with "/"', fix: `write "${PREFIX}${slashed[1]}:${slashed[2]}"` };
    if (value.startsWith('serviceaccount:'))
        return { problem: 'lacks the "system:" prefix', fix: `write "system:${value}"` };
    return prefixProblem(value) ?? segmentProblem(value, options);
}
function prefixProblem(value) {
    const segments = value.split(':');
    if (hasWildcard(segments[0]) || segments[0] === 'system') {
        if (segments[0] === 'system' && segments.length > 1 && !hasWildcard(segments[1]) && segments[1] !== 'serviceaccount') {
            return { problem: `does not start with "${PREFIX}"`, fix: segments.length === 4 ? `write "${PREFIX}${segments[2]}:${segments[3]}"` : GENERIC_FIX };
        }
        return undefined;
    }
    if (segments.length === 2 && segments.every(isNameLike))
        return { problem: `lacks the "${PREFIX}" prefix`, fix: `write "${PREFIX}${value}"` };
    if (segments.length === 1 && isNameLike(value))
        return { problem: 'names no namespace', fix: `write "${PREFIX}<namespace>:${value}"` };
    return { problem: `is not of the form "${PREFIX}<namespace>:<name>"`, fix: GENERIC_FIX };
}
function segmentProblem(value, options) {
    const segments = value.split(':');
    if (segments.length > 4)
        return { problem: `has ${segments.length} ":"-separated parts where a subject has 4 (${PREFIX}<namespace>:<name>)`, fix: GENERIC_FIX };
    const wildcardAt = segments.findIndex(hasWildcard);
    if (wildcardAt < 0 && segments.length < 4) {
        const fix = segments.length === 3 ? `write "${value}:<name>" (or use StringLike "${value}:*" for every ServiceAccount of the namespace)` : GENERIC_FIX;
        return { problem: segments.length === 3 ? 'names a namespace but no ServiceAccount' : `has ${segments.length} ":"-separated parts where a subject has 4`, fix };
    }
    // Past the first wildcard a part's position is uncertain (`*` also matches ":"), so only parts up to it are judged.
    const lastJudged = wildcardAt < 0 ? 3 : wildcardAt;
    for (const [index, kind] of [[2, 'namespace'], [3, 'ServiceAccount name']]) {
        if (index > lastJudged || segments[index] === undefined)
            continue;
        const problem = nameProblem(segments, index, kind, options);
        if (problem)
            return problem;
    }
    return undefined;
}
function nameProblem(segments, index, kind, options) {
    const part = segments[index];
    const valid = (candidate) => (kind === 'namespace' ? isValidNamespacePart(candidate) : isValidNamePart(candidate));
    if (valid(part) || (options.ignoreCase && valid(part.toLowerCase())))
        return undefined;
    if (valid(part.toLowerCase())) {
        const fixed = segments.map((segment, at) => (at === index ? segment.toLowerCase() : segment)).join(':');
        return { problem: `has the ${kind} "${part}" in uppercase, which Kubernetes names never are`, fix: `write "${fixed}"` };
    }
    const rule = kind === 'namespace' ? 'lowercase letters, digits and "-", at most 63' : 'lowercase letters, digits, "-" and ".", at most 253';
    return { problem: `has the ${kind} "${part}", which is not a valid Kubernetes name (${rule})`, fix: `write the ServiceAccount's real ${kind === 'namespace' ? 'namespace' : 'name'}` };
}
/** A namespace part, possibly with wildcards: what is written around them must fit a DNS-1123 label. */
function isValidNamespacePart(part) {
    if (!hasWildcard(part))
        return part.length <= 63 && NAMESPACE.test(part);
    return /^[a-z0-9*?-]+$/.test(part);
}
function isValidNamePart(part) {
    if (!hasWildcard(part))
        return part.length <= 253 && NAME.test(part);
    return /^[a-z0-9.*?-]+$/.test(part);
}
function isNameLike(part) {
    return /^[A-Za-z0-9][\w.-]*$/.test(part);
}
function hasWildcard(part) {
    return part.includes('*') || part.includes('?');
}

;// CONCATENATED MODULE: ./src/rules/sub-value-invalid.ts



const subValueInvalid = {
    meta: {
        id: 'sub-value-invalid',
        level: 'error',
        description: 'A trust-policy ":sub" condition value that no ServiceAccount token can carry (not "system:serviceaccount:<namespace>:<name>" with Kubernetes names).',
        remediation: 'Write the subject as "system:serviceaccount:<namespace>:<name>", with the namespace and name of the ServiceAccount that uses the role.',
    },
    *check(graph) {
        for (const { role, statement } of irsaStatements(graph.facts.roles)) {
            for (const entry of conditionsOn(statement, 'sub').filter(isPositiveStringCondition)) {
                const ignoreCase = trust_parseOperator(entry.operator).base.endsWith('IgnoreCase');
                for (const value of entry.values) {
                    if (value.kind !== 'known')
                        continue;
                    const found = subjectProblem(value.value, { ignoreCase });
                    if (!found)
                        continue;
                    yield {
                        location: value.location,
                        message: `${quotedKey(entry.key)} value "${value.value}" in ${describeStatement(statement)} ${found.problem}, so no ServiceAccount token matches; ${found.fix}`,
                        key: `${statementKey(role, statement)} sub:${value.value}`,
                    };
                }
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/rules/sub-wildcard-needs-stringlike.ts






const subWildcardNeedsStringlike = {
    meta: {
        id: 'sub-wildcard-needs-stringlike',
        level: 'error',
        description: 'A "*" or "?" in a StringEquals ":sub" value, which StringEquals compares literally, so no ServiceAccount token matches.',
        remediation: 'Use StringLike for a wildcard subject, or better, name the ServiceAccount exactly under StringEquals.',
    },
    *check(graph) {
        for (const { role, statement } of irsaStatements(graph.facts.roles)) {
            for (const entry of conditionsOn(statement, 'sub')) {
                const operator = trust_parseOperator(entry.operator);
                if (!/^StringEquals(IgnoreCase)?$/.test(operator.base) || operator.setPrefix === 'ForAllValues')
                    continue;
                for (const value of entry.values) {
                    if (value.kind !== 'known' || !/[*?]/.test(value.value))
                        continue;
                    const pattern = globPattern(template_text(value.value));
                    // The ServiceAccounts that name the role and that the pattern was presumably written for.
                    const users = graph.serviceAccountsUsing(role).flatMap((sa) => {
                        if (sa.namespace.kind !== 'known' || sa.name.kind !== 'known')
                            return [];
                        const subject = serviceAccountSubject(sa.namespace.value, sa.name.value);
                        return globMatches(pattern, subject) ? [{ subject, location: sa.location }] : [];
                    });
                    const named = users.map((user) => ` "${user.subject}" (${formatLocation(user.location)})`).join(',');
                    yield {
                        location: value.location,
                        message: `${entry.operator} on ${quotedKey(entry.key)} in ${describeStatement(statement)} compares "${value.value}" literally, so no token matches; use StringLike for wildcards, or name the ServiceAccount${named}`,
                        related: users.map((user) => ({ location: user.location, message: `ServiceAccount ${user.subject} uses this role` })),
                        key: `${statementKey(role, statement)} sub:${value.value}`,
                    };
                }
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/rules/condition-rules.ts






const conditionRules = [
    subWildcardNeedsStringlike,
    subValueInvalid,
    subConditionMissing,
    subConditionBroad,
    conditionFailsOpen,
    audConditionInvalid,
];

;// CONCATENATED MODULE: ./src/rules/audience-mismatch.ts





const audienceMismatch = {
    meta: {
        id: 'audience-mismatch',
        level: 'error',
        description: "A ServiceAccount's eks.amazonaws.com/audience is not an audience the trust's \":aud\" condition accepts, or not in the client ID list of the OIDC provider the trust names.",
        remediation: 'Use the same audience in the annotation, the trust\'s ":aud" condition and the provider\'s client IDs (usually sts.amazonaws.com: then drop the annotation).',
    },
    *check(graph, context) {
        const clusters = knownClusters(graph, context.config);
        for (const sa of graph.facts.serviceAccounts) {
            const reportedProviders = new Set();
            for (const { role } of graph.rolesOf(sa)) {
                const check = checkToken(sa, role, clusters);
                if (!check?.audience.explicit)
                    continue;
                const trustFinding = refusedAudience(check);
                if (trustFinding)
                    yield trustFinding;
                for (const provider of providersOf(graph, check)) {
                    if (reportedProviders.has(provider))
                        continue;
                    reportedProviders.add(provider);
                    const finding = missingClientId(check, provider);
                    if (finding)
                        yield finding;
                }
            }
        }
    },
};
/** The trust refuses the token only because of its `:aud` condition. */
function refusedAudience(check) {
    const found = refusal(check);
    if (!found?.closest || found.failures.length === 0 || !found.failures.every((failure) => failureKind(failure) === 'aud'))
        return undefined;
    const failure = found.failures[0];
    const accepted = failure.entry.values.flatMap((value) => (value.kind === 'known' ? [`"${value.value}"`] : []));
    const audience = check.audience.audience;
    const trustLocation = failure.entry.values.length === 1 ? failure.entry.values[0].location : failure.entry.valuesLocation;
    const annotationFix = accepted.includes(`"${DEFAULT_AUDIENCE}"`)
        ? `remove the annotation (tokens then carry the default "${DEFAULT_AUDIENCE}")`
        : accepted.length === 1
            ? `change the annotation to ${accepted[0]}`
            : accepted.length > 1
                ? `change the annotation to one of ${accepted.join(', ')}`
                : 'change the annotation';
    return {
        location: check.audience.location,
        message: `${describeServiceAccount(check.sa)} sets eks.amazonaws.com/audience "${audience}", but ${trustTitle(check.role)} (${formatLocation(trustLocation)}) ` +
            `accepts ${accepted.length > 0 ? accepted.join(', ') : 'other values'} for "${keyText(failure.key)}" (${failure.operator}); ${annotationFix}, or add "${audience}" to the trust's aud values`,
        related: [{ location: trustLocation, message: `${roleTitle(check.role)}'s aud condition` }],
        key: `${serviceAccountKey(check.sa)} ${roleKey(check.role)} aud:${audience}`,
    };
}
/** The OIDC providers the role's trust names (by ARN or shared reference) that the sources define. */
function providersOf(graph, check) {
    const found = [];
    for (const { statement } of allowedIrsaStatements([check.role])) {
        for (const federated of federatedValues(statement)) {
            for (const provider of graph.providersNamed(federated))
                if (!found.includes(provider))
                    found.push(provider);
        }
    }
    return found;
}
function missingClientId(check, provider) {
    const audience = check.audience.audience;
    if (provider.clientIds.length === 0 || provider.clientIds.some((id) => id.kind !== 'known'))
        return undefined;
    if (provider.clientIds.some((id) => id.kind === 'known' && id.value === audience))
        return undefined;
    const listed = provider.clientIds.map((id) => (id.kind === 'known' ? `"${id.value}"` : '')).join(', ');
    const annotationFix = provider.clientIds.some((id) => id.kind === 'known' && id.value === DEFAULT_AUDIENCE)
        ? `remove the annotation (tokens then carry the default "${DEFAULT_AUDIENCE}")`
        : 'change the annotation to one of them';
    const where = provider.clientIdsLocation ?? provider.location;
    const name = provider.url?.kind === 'known' ? `OIDC provider ${provider.url.value}` : 'the OIDC provider';
    return {
        location: check.audience.location,
        message: `${describeServiceAccount(check.sa)} sets eks.amazonaws.com/audience "${audience}", but ${name} (${formatLocation(where)}), which ${trustTitle(check.role)} names, ` +
            `lists only the client IDs ${listed}, so STS answers "Incorrect token audience"; add "${audience}" to the provider's client IDs, or ${annotationFix}`,
        related: [{ location: where, message: `${name}'s client IDs` }],
        key: `${serviceAccountKey(check.sa)} provider:${provider.url?.kind === 'known' ? provider.url.value : formatLocation(provider.location)} aud:${audience}`,
    };
}

;// CONCATENATED MODULE: ./src/rules/cluster-issuer-mismatch.ts





const clusterIssuerMismatch = {
    meta: {
        id: 'cluster-issuer-mismatch',
        level: 'error',
        description: 'The OIDC issuer a trust policy or an OIDC provider names is not the issuer of the known cluster in that region and account (an old, recreated or copied cluster).',
        remediation: "Use the cluster's current issuer (identity.oidc.issuer without https://) in the provider ARN, the condition keys and the provider URL.",
    },
    *check(graph, context) {
        const clusters = knownClusters(graph, context.config);
        if (clusters.length === 0)
            return;
        yield* cluster_issuer_mismatch_trustIssuers(graph, clusters);
        yield* providerUrls(graph, clusters);
    },
};
function* cluster_issuer_mismatch_trustIssuers(graph, clusters) {
    for (const { role, statement } of allowedIrsaStatements(graph.facts.roles)) {
        const reported = new Set();
        const providers = federatedValues(statement).flatMap((value) => {
            const arn = value.kind === 'known' ? parseOidcProviderArn(value.value) : undefined;
            return arn ? [{ arn, location: value.location }] : [];
        });
        for (const { arn, location } of providers) {
            if (reported.has(arn.issuerHostPath))
                continue;
            reported.add(arn.issuerHostPath);
            const contradicting = clustersContradicting(arn.issuerHostPath, arn.account, clusters);
            if (contradicting.length === 0)
                continue;
            const fix = contradicting.length === 1
                ? `change it to "arn:${arn.partition}:iam::${arn.account}:oidc-provider/${contradicting[0].hostPath}" and the condition keys to "${contradicting[0].hostPath}:sub" and ":aud"`
                : "change it to the issuer of the cluster the role serves";
            yield finding(location, `${trustTitle(role)} names the OIDC provider of issuer ${arn.issuerHostPath}`, contradicting, fix, `${roleKey(role)} issuer:${arn.issuerHostPath}`);
        }
        // Condition keys are judged on their own only when no Federated ARN is known: otherwise a key
        // that differs from its provider is condition-key-provider-mismatch's finding.
        if (providers.length > 0)
            continue;
        const account = roleIdentity(role).account;
        for (const entry of statement.condition?.entries ?? []) {
            if (entry.key.kind !== 'known' || claimOf(entry.key) === 'other')
                continue;
            const issuer = keyIssuer(entry.key);
            if (reported.has(issuer))
                continue;
            reported.add(issuer);
            const contradicting = clustersContradicting(issuer, account, clusters);
            if (contradicting.length === 0)
                continue;
            const claim = entry.key.value.slice(issuer.length);
            const fix = contradicting.length === 1 ? `change the key to "${contradicting[0].hostPath}${claim}"` : 'change it to the issuer of the cluster the role serves';
            yield finding(entry.keyLocation, `${trustTitle(role)} tests the condition key "${entry.key.value}" of issuer ${issuer}`, contradicting, fix, `${roleKey(role)} issuer:${issuer}`);
        }
    }
}
function* providerUrls(graph, clusters) {
    for (const provider of graph.facts.oidcProviders) {
        if (provider.url?.kind !== 'known')
            continue;
        const hostPath = issuerHostPath(provider.url.value);
        const account = provider.arn?.kind === 'known' ? parseOidcProviderArn(provider.arn.value)?.account : undefined;
        const contradicting = clustersContradicting(hostPath, account, clusters);
        if (contradicting.length === 0)
            continue;
        const withScheme = /^https:\/\//i.test(provider.url.value);
        const fix = contradicting.length === 1
            ? `change the URL to "${withScheme ? contradicting[0].issuer : contradicting[0].hostPath}"`
            : 'change it to the issuer of the cluster the provider serves';
        yield finding(provider.url.location, `OIDC provider (${formatLocation(provider.location)}) has URL "${provider.url.value}"`, contradicting, fix, `provider-url:${hostPath}`);
    }
}
function finding(location, subject, clusters, fix, key) {
    const region = clusters[0].region;
    const which = clusters.length === 1 ? `the issuer of ${describeCluster(clusters[0])}` : `the issuer of any known cluster in ${region}: ${clusters.map(describeCluster).join(', ')}`;
    return {
        location,
        message: `${subject}, which is not ${which}; ${fix}`,
        related: clusters.flatMap((cluster) => (cluster.location ? [{ location: cluster.location, message: describeCluster(cluster) }] : [])),
        key,
    };
}

;// CONCATENATED MODULE: ./src/rules/role-account-mismatch.ts





const roleAccountMismatch = {
    meta: {
        id: 'role-account-mismatch',
        level: 'error',
        description: "A role's trust names an OIDC provider of another account (IAM accepts only a provider in the role's own account), or a ServiceAccount's annotation names the role in another account than the one that defines it.",
        remediation: "Create the cluster's OIDC provider in the role's account and name that provider in the trust; make the annotation's account the one where the role is defined.",
    },
    *check(graph) {
        yield* providersInOtherAccounts(graph);
        yield* annotationsInOtherAccounts(graph);
    },
};
function* providersInOtherAccounts(graph) {
    for (const { role, statement } of allowedIrsaStatements(graph.facts.roles)) {
        const home = roleAccount(graph, role);
        if (!home)
            continue;
        for (const federated of federatedValues(statement)) {
            if (federated.kind !== 'known')
                continue;
            const provider = parseOidcProviderArn(federated.value);
            if (!provider || provider.account === home.account)
                continue;
            const fixed = `arn:${provider.partition}:iam::${home.account}:oidc-provider/${provider.issuerHostPath}`;
            yield {
                location: federated.location,
                message: `${trustTitle(role)} names the OIDC provider of account ${provider.account}, but the role is in account ${home.account} (${formatLocation(home.location)}) ` +
                    `and IAM accepts only a provider of the role's own account; create an OIDC provider for ${provider.issuerHostPath} in account ${home.account} and name "${fixed}"`,
                related: [{ location: home.location, message: `the role's account ${home.account}` }],
                key: `${roleKey(role)} provider:${federated.value}`,
            };
        }
    }
}
/** The account a role lives in: stated by its source, else agreed on by every annotation that names it. */
function roleAccount(graph, role) {
    const stated = roleIdentity(role).account;
    if (stated !== undefined) {
        const where = role.account?.kind === 'known' ? role.account.location : (role.arn?.location ?? role.location);
        return { account: stated, location: where };
    }
    const annotated = graph.serviceAccountsUsing(role).flatMap((sa) => {
        const found = annotatedRole(sa);
        return found ? [{ account: found.arn.account, location: found.value.location }] : [];
    });
    const accounts = new Set(annotated.map((entry) => entry.account));
    return accounts.size === 1 ? annotated[0] : undefined;
}
function* annotationsInOtherAccounts(graph) {
    for (const sa of graph.facts.serviceAccounts) {
        const annotated = annotatedRole(sa);
        if (!annotated || graph.rolesOf(sa).length > 0)
            continue;
        const elsewhere = rolesInOtherAccounts(graph, annotated.arn);
        if (elsewhere.length === 0)
            continue;
        const accounts = [...new Set(elsewhere.map((role) => roleIdentity(role).account))];
        const role = elsewhere[0];
        const where = elsewhere.map((other) => `${roleIdentity(other).account} (${formatLocation(other.location)})`).join(', ');
        const fix = accounts.length === 1 ? `change the annotation to "${withAccount(annotated.arn, accounts[0])}"` : 'change the annotation to the account that defines the role';
        yield {
            location: annotated.value.location,
            message: `${describeServiceAccount(sa)} names ${roleTitle(role)} in account ${annotated.arn.account}, but the scanned sources define that role in account ${where}; ` +
                `${fix}, or define the role in account ${annotated.arn.account}`,
            related: elsewhere.map((other) => ({ location: other.location, message: `${roleTitle(other)} in account ${roleIdentity(other).account}` })),
            key: `${serviceAccountKey(sa)} ${roleKey(role)} account:${annotated.arn.account}`,
        };
    }
}

;// CONCATENATED MODULE: ./src/rules/role-not-found.ts


const roleNotFound = {
    meta: {
        id: 'role-not-found',
        level: 'warning',
        description: "A ServiceAccount's eks.amazonaws.com/role-arn names a role that the scanned sources do not define (under that name and path), although they define roles; or one whose real name is generated.",
        remediation: "Correct the role name or path in the annotation, give a role with a generated name a fixed name, or set the annotation from the role's ARN output.",
    },
    *check(graph) {
        const candidatesByAccount = new Map();
        for (const sa of graph.facts.serviceAccounts) {
            const annotated = annotatedRole(sa);
            if (!annotated || graph.rolesOf(sa).length > 0)
                continue;
            const account = annotated.arn.account;
            if (!candidatesByAccount.has(account))
                candidatesByAccount.set(account, candidateRoles(graph, account));
            const finding = missingRole(graph, sa, annotated, candidatesByAccount.get(account));
            if (finding)
                yield finding;
        }
    },
};
/**
 * The roles an annotation in this account could have meant: those in the account or in an unstated
 * one. None when one of them is named only at apply time (it may be the annotated one).
 */
function candidateRoles(graph, account) {
    const candidates = graph.facts.roles.filter((role) => {
        if (isUnboundTrustPolicy(role))
            return false;
        const stated = roleIdentity(role).account;
        return stated === undefined || stated === account;
    });
    return candidates.some(isNameUnknowable) ? [] : candidates;
}
function missingRole(graph, sa, annotated, candidates) {
    const { arn, value } = annotated;
    if (candidates.length === 0)
        return undefined;
    // Another account's role of this name is role-account-mismatch's finding.
    if (rolesInOtherAccounts(graph, arn).length > 0)
        return undefined;
    if (acceptedByUnboundTrust(graph, sa))
        return undefined;
    const subject = describeServiceAccount(sa);
    const key = `${serviceAccountKey(sa)} role:${arn.account}${arn.path}${arn.name}`;
    const generated = candidates.find((role) => role.generatedName?.prefix.kind === 'known' && prefixFits(role.generatedName.prefix.value, arn.name));
    if (generated?.generatedName?.prefix.kind === 'known') {
        const prefix = generated.generatedName.prefix.value;
        return {
            location: generated.generatedName.location,
            message: `${subject} names role "${arn.name}", but ${roleTitle(generated)} gets a generated name ("${prefix}" and a random suffix) that an annotation cannot know; ` +
                `give the role a fixed name (name instead of name_prefix, use_name_prefix = false) or set the annotation from the role's ARN output`,
            related: [{ location: value.location, message: 'the annotation naming the role' }],
            key,
        };
    }
    const otherPath = candidates.find((role) => sameRoleName(role, arn.name) && !pathMayBe(role, arn.path));
    if (otherPath) {
        const path = roleIdentity(otherPath).path ?? '/';
        const annotationPath = arn.path === '/' ? 'without a path' : `with path "${arn.path}"`;
        return {
            location: value.location,
            message: `${subject} names role "${arn.name}" ${annotationPath}, but ${roleTitle(otherPath)} (${formatLocation(otherPath.location)}) has path "${path}", ` +
                `so the annotated ARN does not exist; change the annotation to "${withPath(arn, path)}"`,
            related: [{ location: otherPath.location, message: `${roleTitle(otherPath)} with path "${path}"` }],
            key,
        };
    }
    const nearest = nearestRoles(candidates, arn.name);
    const suggestion = nearest.length > 0
        ? `did you mean ${nearest.map((role) => `"${roleIdentity(role).name}" (${formatLocation(role.location)})`).join(' or ')}? `
        : '';
    return {
        location: value.location,
        message: `${subject} names role "${arn.name}", which no scanned source defines (they define ${countRoles(candidates)}); ` +
            `${suggestion}correct the annotation or add the role's definition to the scan`,
        related: nearest.map((role) => ({ location: role.location, message: `${roleTitle(role)}` })),
        key,
    };
}
function isNameUnknowable(role) {
    if (role.arn?.kind === 'known')
        return false;
    if (role.generatedName)
        return role.generatedName.prefix.kind !== 'known';
    return role.name?.kind === 'symbolic';
}
/** terraform-aws-iam v6 turns name "app" into prefix "app-"; an annotation may also hold an old generated name. */
function prefixFits(prefix, name) {
    const lowerPrefix = prefix.toLowerCase();
    const lowerName = name.toLowerCase();
    return lowerName.startsWith(lowerPrefix) || lowerPrefix.replace(/[-_.]$/, '') === lowerName;
}
/** Up to three defined role names close to the annotated one. */
function nearestRoles(roles, name) {
    return roles
        .flatMap((role) => {
        const candidate = roleIdentity(role).name;
        const distance = candidate === undefined ? undefined : nearNameDistance(candidate, name);
        return distance === undefined ? [] : [{ role, distance, candidate: candidate }];
    })
        .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
        .slice(0, 3)
        .map((entry) => entry.role);
}
function countRoles(roles) {
    return roles.length === 1 ? '1 role' : `${roles.length} roles`;
}

;// CONCATENATED MODULE: ./src/model/value.ts
function known(value, location) {
    return { kind: 'known', value, location };
}
function symbolic(expression, location) {
    return { kind: 'symbolic', expression, location };
}
function isKnown(value) {
    return value?.kind === 'known';
}
function knownString(value) {
    return value?.kind === 'known' ? value.value : undefined;
}
/** Same value: equal literals, or the same reference expression. Unknown against known is not equal. */
function sameValue(a, b) {
    if (a.kind === 'known' && b.kind === 'known')
        return a.value === b.value;
    if (a.kind === 'symbolic' && b.kind === 'symbolic')
        return a.expression === b.expression;
    return false;
}
function describeValue(value) {
    return value.kind === 'known' ? `"${value.value}"` : `\${${value.expression}}`;
}

;// CONCATENATED MODULE: ./src/rules/role-trusts-unknown-service-account.ts





const roleTrustsUnknownServiceAccount = {
    meta: {
        id: 'role-trusts-unknown-service-account',
        level: 'note',
        description: "A role's trust allows ServiceAccounts that no scanned source defines in a namespace the scan does define, or that are defined without an annotation naming the role: a leftover, a typo, or manifests outside the scan.",
        remediation: 'Remove subjects that no longer exist from the trust, annotate the ServiceAccount with the role, or include the manifests that define it in the scan.',
    },
    *check(graph, context) {
        if (graph.facts.serviceAccounts.length === 0)
            return;
        const scope = {
            graph,
            clusters: knownClusters(graph, context.config),
            // Namespace or name known only at render time: they may be any.
            renderedLater: graph.facts.serviceAccounts.filter((sa) => sa.namespace.kind === 'symbolic' || sa.name.kind === 'symbolic'),
        };
        const refusing = new Map();
        for (const { role, statement } of allowedIrsaStatements(graph.facts.roles)) {
            // A trust that refuses a ServiceAccount naming it is trust-denies-service-account's finding, with the fix.
            if (!refusing.has(role))
                refusing.set(role, refusesServiceAccountOfItsRole(graph, scope.clusters, role));
            if (refusing.get(role))
                continue;
            for (const entry of conditionsOn(statement, 'sub')) {
                const operator = trust_parseOperator(entry.operator);
                if (operator.setPrefix || operator.ifExists || (operator.base !== 'StringEquals' && operator.base !== 'StringLike'))
                    continue;
                for (const value of entry.values) {
                    if (value.kind !== 'known')
                        continue;
                    const subject = /^system:serviceaccount:([^:*?]+):([^:*?]+)$/.exec(value.value);
                    if (!subject)
                        continue;
                    const finding = unknownSubject(scope, role, value, subject[1], subject[2]);
                    if (finding)
                        yield finding;
                }
            }
        }
    },
};
function unknownSubject({ graph, clusters, renderedLater }, role, value, namespace, name) {
    const candidates = [
        ...graph.serviceAccountsNamed(known(namespace, value.location), name),
        ...renderedLater.filter((sa) => mayBe(sa.namespace, namespace) && mayBe(sa.name, name)),
    ];
    const trust = `${trustTitle(role)} allows ServiceAccount ${namespace}/${name}`;
    const findingKey = `${roleKey(role)} sub:${value.value}`;
    if (candidates.length === 0) {
        // ServiceAccounts of namespaces the scan never defines live elsewhere (a chart, another repository): no note.
        if (!graph.facts.serviceAccounts.some((sa) => sa.namespace.kind === 'known' && sa.namespace.value === namespace))
            return undefined;
        return {
            location: value.location,
            message: `${trust}, which no scanned source defines; remove the subject if that ServiceAccount is gone, or include its manifest in the scan`,
            key: findingKey,
        };
    }
    if (isUnboundTrustPolicy(role))
        return undefined;
    const exact = candidates.filter((sa) => sa.namespace.kind === 'known' && sa.name.kind === 'known');
    if (exact.length < candidates.length)
        return undefined;
    const using = new Set(graph.serviceAccountsUsing(role));
    if (exact.some((sa) => using.has(sa) || sa.roleArn?.kind === 'symbolic'))
        return undefined;
    if (exact.some((sa) => annotationExplains(graph, sa, role) || refusedByItsRole(graph, clusters, sa)))
        return undefined;
    const sa = exact[0];
    return {
        location: value.location,
        message: `${trust}, but ${describeOtherUse(sa)}; ${fixFor(role)} or remove the subject from the trust`,
        related: [{ location: sa.roleArn?.location ?? sa.location, message: `ServiceAccount ${namespace}/${name}` }],
        key: findingKey,
    };
}
/**
 * An annotation naming a role of this name (the same role in another account or path: one role
 * per environment, or role-account-mismatch's finding), one naming this role with a typo
 * (role-not-found's finding), or a malformed one (role-arn-invalid's).
 */
function annotationExplains(graph, sa, role) {
    if (sa.roleArn === undefined)
        return false;
    const annotated = annotatedRole(sa);
    if (!annotated)
        return true;
    if (sameRoleName(role, annotated.arn.name))
        return true;
    const name = roleIdentity(role).name;
    return graph.rolesOf(sa).length === 0 && name !== undefined && isNearName(annotated.arn.name, name);
}
function mayBe(value, expected) {
    return value.kind === 'symbolic' || value.value === expected;
}
function describeOtherUse(sa) {
    const annotated = annotatedRole(sa);
    if (annotated)
        return `its manifest (${formatLocation(annotated.value.location)}) annotates it with role "${annotated.value.value.trim()}"`;
    return `its manifest (${formatLocation(sa.location)}) has no eks.amazonaws.com/role-arn annotation`;
}
function fixFor(role) {
    const arn = role.arn?.kind === 'known' ? `"${role.arn.value}"` : `the ARN of ${roleTitle(role)}`;
    return `annotate it with ${arn}`;
}

;// CONCATENATED MODULE: ./src/rules/trust-denies-service-account.ts





const trustDeniesServiceAccount = {
    meta: {
        id: 'trust-denies-service-account',
        level: 'error',
        description: "A ServiceAccount's token (sub system:serviceaccount:<namespace>:<name>, its audience, its cluster's issuer) would be refused by the trust policy of the role its eks.amazonaws.com/role-arn names.",
        remediation: "Make the trust's condition values (and provider) match the ServiceAccount that uses the role, or move/rename the ServiceAccount, or point the annotation at the role meant for it.",
    },
    *check(graph, context) {
        const clusters = knownClusters(graph, context.config);
        for (const sa of graph.facts.serviceAccounts) {
            for (const { role } of graph.rolesOf(sa)) {
                const check = checkToken(sa, role, clusters);
                const found = check && refusal(check);
                if (!check || !found)
                    continue;
                const finding = explain(graph, check, found, clusters);
                if (finding)
                    yield finding;
            }
        }
    },
};
function explain(graph, check, found, clusters) {
    const { sa, role, policy } = check;
    const subject = `system:serviceaccount:${check.namespace}:${check.name}`;
    const annotation = sa.roleArn?.location ?? sa.location;
    const key = `${serviceAccountKey(sa)} ${roleKey(role)}`;
    const serviceAccountSide = { location: annotation, message: `ServiceAccount ${check.namespace}/${check.name}` };
    if (found.deniedBy) {
        const location = found.deniedBy.statement.location;
        return {
            location,
            message: `${describeServiceAccount(sa)} would be refused by ${trustTitle(role)} (${formatLocation(location)}): ${found.deniedBy.label} denies it explicitly; narrow that Deny statement so that it does not match "${subject}"`,
            related: [serviceAccountSide],
            key,
        };
    }
    if (!found.closest) {
        return {
            location: annotation,
            message: `${describeServiceAccount(sa)} names ${roleTitle(role)}, whose trust (${formatLocation(policy.location)}) has no Allow statement for an OIDC provider, so it accepts no ServiceAccount token; ` +
                `point the annotation at the role meant for this ServiceAccount, or add a web-identity statement for it to the trust`,
            related: [{ location: policy.location, message: `${trustTitle(role)}` }],
            key,
        };
    }
    const kinds = found.failures.map(failureKind);
    // Reported by other rules with their own fix: the Action (web-identity-action-missing), an
    // issuer that is not the cluster's (cluster-issuer-mismatch), an annotated audience (audience-mismatch).
    if (kinds.every((kind) => kind === 'action'))
        return undefined;
    if (kinds.every((kind) => kind === 'principal') && check.cluster && trustContradictsClusters(role, policy, clusters))
        return undefined;
    if (kinds.every((kind) => kind === 'aud') && check.audience.explicit)
        return undefined;
    // A wildcard under StringEquals is sub-wildcard-needs-stringlike's finding, which names the ServiceAccounts.
    if (found.failures.every(isLiteralWildcardSub))
        return undefined;
    const reasons = found.failures.map((failure) => reasonFor(failure, check, subject));
    const first = reasons[0];
    const trust = `${trustTitle(role)} (${formatLocation(first.location)})`;
    const refused = `${describeServiceAccount(sa)} would be refused by ${trust}: ${reasons.map((reason) => reason.phrase).join(', and ')}`;
    const fixes = reasons.map((reason) => reason.fix).join('; ');
    const instead = roleAcceptingInstead(graph, check);
    if (instead) {
        return {
            location: annotation,
            message: `${refused}; ${trustTitle(instead)} (${formatLocation(instead.trustPolicy.location)}) accepts it: point the annotation at ${roleTitle(instead)}, or ${fixes}`,
            related: [
                { location: first.location, message: `${trustTitle(role)}` },
                { location: instead.trustPolicy.location, message: `${trustTitle(instead)}` },
            ],
            key,
        };
    }
    return { location: first.location, message: `${refused}; ${fixes}`, related: [serviceAccountSide], key };
}
function reasonFor(failure, check, subject) {
    const kind = failureKind(failure);
    if (kind === 'principal')
        return principalReason(failure, check);
    if (failure.element === 'Condition' && (kind === 'sub' || kind === 'aud'))
        return claimReason(failure, check, kind, subject);
    return { location: failure.location, phrase: failure.message, fix: 'make it hold for this token' };
}
function principalReason(failure, check) {
    const federated = federatedValues(check.decision.decision.statements.find((o) => o.mismatches.includes(failure)).statement);
    const named = federated.flatMap((value) => {
        const arn = value.kind === 'known' ? parseOidcProviderArn(value.value) : undefined;
        return arn ? [{ arn, location: value.location }] : [];
    })[0];
    const cluster = check.cluster;
    if (!named || !cluster)
        return { location: failure.location, phrase: failure.message, fix: "name the cluster's OIDC provider in the Principal" };
    const provider = `arn:${named.arn.partition}:iam::${named.arn.account}:oidc-provider/${cluster.hostPath}`;
    return {
        location: named.location,
        phrase: `it trusts the OIDC provider of issuer ${named.arn.issuerHostPath}, but the ServiceAccount's tokens come from ${describeCluster(cluster)}`,
        fix: `name "${provider}" and the condition keys "${cluster.hostPath}:sub" and ":aud"`,
    };
}
function claimReason(failure, check, claim, subject) {
    const entry = failure.entry;
    const operator = trust_parseOperator(entry.operator);
    const wanted = claim === 'sub' ? subject : check.audience.audience;
    const location = entry.values.length === 1 ? entry.values[0].location : entry.valuesLocation;
    const positive = !operator.negated && !operator.setPrefix && !operator.ifExists;
    if (!positive)
        return { location, phrase: failure.message, fix: `make it accept "${wanted}"` };
    if (failure.requestValues === undefined) {
        const issuer = templateText(check.decision.decisive.issuer);
        return { location: entry.keyLocation, phrase: failure.message, fix: `name the key after the token's issuer: "${issuer}:${claim}"` };
    }
    const written = entry.values.map((value) => (value.kind === 'known' ? `"${value.value}"` : `\${${value.expression}}`)).join(', ');
    const own = claim === 'sub' ? '' : check.audience.explicit ? ' (its eks.amazonaws.com/audience)' : ' (the default audience; the ServiceAccount sets no eks.amazonaws.com/audience)';
    const phrase = `${entry.operator} on "${keyText(entry.key)}" allows ${written}, not "${wanted}"${own}`;
    const change = entry.values.length === 1 ? `change the ${claim} value to "${wanted}"` : `add "${wanted}" to the ${claim} values`;
    return { location, phrase, fix: claim === 'sub' ? `${change}${serviceAccountAlternative(entry.values, check)}` : change };
}
/** When the trust names the same ServiceAccount in another namespace, or another in the same namespace. */
function serviceAccountAlternative(values, check) {
    const trusted = values.flatMap((value) => {
        const match = value.kind === 'known' ? /^system:serviceaccount:([a-z0-9.-]+):([a-z0-9.-]+)$/.exec(value.value) : null;
        return match ? [{ namespace: match[1], name: match[2] }] : [];
    });
    const sameName = trusted.find((entry) => entry.name === check.name && entry.namespace !== check.namespace);
    if (sameName)
        return ` or move the ServiceAccount to namespace ${sameName.namespace}`;
    const sameNamespace = trusted.filter((entry) => entry.namespace === check.namespace && entry.name !== check.name);
    if (sameNamespace.length === 1)
        return ` or rename the ServiceAccount to ${sameNamespace[0].name}`;
    return '';
}
function isLiteralWildcardSub(failure) {
    if (failure.element !== 'Condition' || failureKind(failure) !== 'sub')
        return false;
    const operator = trust_parseOperator(failure.entry.operator);
    return operator.base.startsWith('StringEquals') && failure.entry.values.some((value) => value.kind === 'known' && /[*?]/.test(value.value));
}

;// CONCATENATED MODULE: ./src/rules/correlation-rules.ts






const correlationRules = [
    trustDeniesServiceAccount,
    roleNotFound,
    roleAccountMismatch,
    audienceMismatch,
    roleTrustsUnknownServiceAccount,
    clusterIssuerMismatch,
];

;// CONCATENATED MODULE: ./src/rules/nothing-scanned.ts
const nothingScanned = {
    meta: {
        id: 'nothing-scanned',
        level: 'warning',
        description: 'No IRSA-relevant file (Kubernetes manifest, Terraform, IAM policy JSON, plan JSON) was found under the configured paths, so a pass would mean nothing.',
        remediation: 'Point the include globs (the paths input, or include in .irsa-guard.yml) at the directories that hold the manifests and infrastructure code.',
    },
    *check(_graph, { scan }) {
        if (scan.relevantFiles > 0)
            return;
        const globs = scan.include.map((glob) => `"${glob}"`).join(', ');
        const count = scan.filesSeen;
        const seen = count === 0 ? 'no .yaml, .yml, .json or .tf file there' : `${count} candidate file${count === 1 ? '' : 's'} there, none of them one`;
        yield {
            location: { path: '.', line: 1, column: 1 },
            message: `Nothing was checked: no Kubernetes manifest, Terraform file or IAM policy JSON under ${globs} (${seen}); point include (the paths input or .irsa-guard.yml) at the directories that hold them`,
            key: 'nothing-scanned',
        };
    },
};

;// CONCATENATED MODULE: ./src/rules/parse-error.ts
/**
 * Findings of this id come from discovery and the sources, which see the bytes and the syntax;
 * the rule exists for its metadata (level, docs, SARIF) and so that it can be configured.
 */
const parseError = {
    meta: {
        id: 'parse-error',
        level: 'warning',
        description: 'A file that looks IRSA-relevant cannot be read or parsed (syntax error, duplicate key, binary, too large, link out of the repository), so nothing in it is checked.',
        remediation: 'Fix the syntax at the reported line, render templates before scanning, or exclude the file.',
    },
    *check() { },
};

;// CONCATENATED MODULE: ./src/rules/suppression-reason-missing.ts
const suppressionReasonMissing = {
    meta: {
        id: 'suppression-reason-missing',
        level: 'warning',
        description: 'An irsa-guard:ignore comment or irsa-guard.io/ignore annotation gives no reason (or names no rule), so it suppresses nothing.',
        remediation: 'Name the rule ids and say why, e.g. "# irsa-guard:ignore role-not-found the role lives in the platform repository".',
    },
    *check(_graph, { suppressions }) {
        for (const suppression of suppressions) {
            if (suppression.reason !== undefined && suppression.ruleIds.length > 0)
                continue;
            yield {
                location: suppression.location,
                message: message(suppression),
                key: `suppression:${suppression.form ?? 'comment'}:${suppression.ruleIds.join(',')}`,
            };
        }
    },
};
function message(suppression) {
    const ids = suppression.ruleIds.join(',');
    const annotation = suppression.form === 'annotation';
    const what = annotation ? 'The irsa-guard.io/ignore annotation' : 'The irsa-guard:ignore comment';
    const example = annotation ? `irsa-guard.io/ignore: "${ids || '<rule-id>'}: <reason>"` : `# irsa-guard:ignore ${ids || '<rule-id>'} <reason>`;
    if (suppression.ruleIds.length === 0)
        return `${what} names no rule id, so it suppresses nothing; write ${example}`;
    return `${what} for ${ids} gives no reason, so it suppresses nothing; say why after the rule id: ${example}`;
}

;// CONCATENATED MODULE: ./src/rules/meta-rules.ts



const metaRules = [parseError, nothingScanned, suppressionReasonMissing];

;// CONCATENATED MODULE: ./src/sources/source.ts
function emptyResult() {
    return { facts: {}, findings: [], suppressions: [] };
}
/** A Source that reads each file on its own. */
function perFileSource(name, kinds, readFile) {
    return {
        name,
        kinds,
        read(files, context) {
            const result = emptyResult();
            for (const file of files)
                appendResult(result, readFile(file, context));
            return result;
        },
    };
}
function appendResult(into, from) {
    for (const key of Object.keys(from.facts)) {
        const items = from.facts[key];
        if (!items)
            continue;
        const existing = (into.facts[key] ?? []);
        existing.push(...items);
        into.facts[key] = existing;
    }
    into.findings.push(...from.findings);
    into.suppressions.push(...from.suppressions);
}

;// CONCATENATED MODULE: ./src/sources/suppressions.ts
/** The annotation on a Kubernetes object: `irsa-guard.io/ignore: "<rule-id>[,<rule-id>]: reason"`. */
const SUPPRESSION_ANNOTATION = 'irsa-guard.io/ignore';
/** The word after a comment marker: `# irsa-guard:ignore <rule-id>[,<rule-id>] reason`. */
const SUPPRESSION_COMMENT = 'irsa-guard:ignore';
const RULE_IDS_THEN_REASON = /^\s*([A-Za-z0-9_-]+(?:\s*,\s*[A-Za-z0-9_-]+)*)?\s*:?(.*)$/s;
/**
 * Reads `<rule-id>[,<rule-id>] reason` (a comment) or `<rule-id>[,<rule-id>]: reason` (the
 * annotation); either form is accepted in both places. Separators before the reason (`:`, `-`,
 * `--`) are dropped, and a block comment's closing `*\/`.
 */
function parseSuppressionText(text) {
    const match = RULE_IDS_THEN_REASON.exec(text.replace(/\*\/\s*$/, ''));
    const ids = match?.[1] ?? '';
    const ruleIds = ids === '' ? [] : ids.split(',').map((id) => id.trim()).filter((id) => id !== '');
    const reason = (match?.[2] ?? '').replace(/^[\s:\-–—]+/, '').trim();
    return reason === '' ? { ruleIds } : { ruleIds, reason };
}
/**
 * The `irsa-guard:ignore` comments of a file. Each covers its own line and the next line that is
 * neither blank nor a comment. `commentMarkers` are the line-comment starts of the format:
 * `['#']` for YAML, `['#', '//', '/*']` for HCL. A marker counts at the start of a line or after
 * whitespace (a `#` inside a word is not a YAML comment).
 */
function commentSuppressions(path, text, commentMarkers) {
    if (!text.includes(SUPPRESSION_COMMENT))
        return [];
    const lines = text.split(/\r\n|\n|\r/);
    const markers = commentMarkers.map(suppressions_escapeRegex).join('|');
    const comment = new RegExp(`(^|\\s)(${markers})\\s*${suppressions_escapeRegex(SUPPRESSION_COMMENT)}(?=\\s|:|$)(.*)$`);
    const commentOnly = new RegExp(`^\\s*(${markers})`);
    const suppressions = [];
    for (let index = 0; index < lines.length; index += 1) {
        const line = lines[index];
        if (!line.includes(SUPPRESSION_COMMENT))
            continue;
        const match = comment.exec(line);
        if (!match)
            continue;
        const column = match.index + (match[1] ?? '').length + 1;
        let next = index + 1;
        while (next < lines.length && (lines[next].trim() === '' || commentOnly.test(lines[next])))
            next += 1;
        const lineNumber = index + 1;
        suppressions.push({
            ...parseSuppressionText(match[3] ?? ''),
            location: { path, line: lineNumber, column },
            fromLine: lineNumber,
            toLine: next < lines.length ? next + 1 : lineNumber,
            form: 'comment',
        });
    }
    return suppressions;
}
/** The `irsa-guard.io/ignore` annotation of an object spanning `fromLine`..`toLine`. */
function annotationSuppression(value, location, fromLine, toLine) {
    return { ...parseSuppressionText(value), location, fromLine, toLine, form: 'annotation' };
}
function suppressions_escapeRegex(text) {
    return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

;// CONCATENATED MODULE: ./src/sources/json-tree.ts

const MAX_DEPTH = 200;
/**
 * Parses strict JSON (RFC 8259, as IAM reads policies) into a located tree. Unlike a YAML parser it
 * rejects comments, trailing commas, single quotes and bare keys, which IAM rejects too. Duplicate
 * keys are kept, in order. A leading byte-order mark is skipped and not counted as a column.
 */
function parseJsonTree(path, text, options = {}) {
    const parser = new JsonParser(path, text, options.fixedLocation);
    try {
        parser.skipWhitespace();
        if (parser.atEnd())
            throw parser.error('the file holds no JSON value');
        const root = parser.parseValue(0);
        parser.skipWhitespace();
        if (!parser.atEnd())
            throw parser.error(`unexpected ${parser.describeHere()} after the end of the JSON value`);
        return { ok: true, root };
    }
    catch (error) {
        if (error instanceof JsonSyntaxError)
            return { ok: false, message: error.message, location: error.location };
        throw error;
    }
}
class JsonSyntaxError extends Error {
    location;
    constructor(message, location) {
        super(message);
        this.location = location;
    }
}
class JsonParser {
    path;
    text;
    fixedLocation;
    offset = 0;
    line = 1;
    lineStart = 0;
    constructor(path, text, fixedLocation) {
        this.path = path;
        this.text = text;
        this.fixedLocation = fixedLocation;
        if (text.charCodeAt(0) === 0xfeff) {
            this.offset = 1;
            this.lineStart = 1;
        }
    }
    atEnd() {
        return this.offset >= this.text.length;
    }
    here() {
        return this.fixedLocation ?? { path: this.path, line: this.line, column: this.offset - this.lineStart + 1 };
    }
    error(message) {
        return new JsonSyntaxError(message, this.fixedLocation ?? { path: this.path, line: this.line, column: this.offset - this.lineStart + 1 });
    }
    describeHere() {
        if (this.atEnd())
            return 'end of file';
        const char = this.text[this.offset];
        if (char === '/' && (this.text[this.offset + 1] === '/' || this.text[this.offset + 1] === '*'))
            return 'comment (JSON has no comments)';
        return `character ${JSON.stringify(char)}`;
    }
    skipWhitespace() {
        const text = this.text;
        while (this.offset < text.length) {
            const char = text.charCodeAt(this.offset);
            if (char === 0x20 || char === 0x09) {
                this.offset += 1;
            }
            else if (char === 0x0a) {
                this.offset += 1;
                this.newLine();
            }
            else if (char === 0x0d) {
                this.offset += 1;
                if (text.charCodeAt(this.offset) === 0x0a)
                    this.offset += 1;
                this.newLine();
            }
            else {
                return;
            }
        }
    }
    newLine() {
        this.line += 1;
        this.lineStart = this.offset;
    }
    parseValue(depth) {
        if (depth > MAX_DEPTH)
            throw this.error(`nesting deeper than ${MAX_DEPTH} levels`);
        const char = this.text[this.offset];
        if (char === '{')
            return this.parseObject(depth);
        if (char === '[')
            return this.parseArray(depth);
        if (char === '"') {
            const location = this.here();
            return scalar(location, this.parseString(), 'string');
        }
        if (char === '-' || (char !== undefined && char >= '0' && char <= '9'))
            return this.parseNumber();
        for (const [word, type] of [
            ['true', 'boolean'],
            ['false', 'boolean'],
            ['null', 'null'],
        ]) {
            if (this.text.startsWith(word, this.offset)) {
                const location = this.here();
                this.offset += word.length;
                return scalar(location, type === 'null' ? '' : word, type);
            }
        }
        if (char === "'")
            throw this.error('strings must be in double quotes');
        throw this.error(`expected a JSON value, found ${this.describeHere()}`);
    }
    parseObject(depth) {
        const location = this.here();
        this.offset += 1;
        const entries = [];
        this.skipWhitespace();
        if (this.text[this.offset] === '}') {
            this.offset += 1;
            return { kind: 'object', location, entries };
        }
        for (;;) {
            this.skipWhitespace();
            if (this.text[this.offset] !== '"') {
                if (this.text[this.offset] === '}' && entries.length > 0)
                    throw this.error('trailing comma before "}"');
                throw this.error(`expected a property name in double quotes, found ${this.describeHere()}`);
            }
            const keyLocation = this.here();
            const key = this.parseString();
            this.skipWhitespace();
            if (this.text[this.offset] !== ':')
                throw this.error(`expected ":" after property name ${JSON.stringify(key)}, found ${this.describeHere()}`);
            this.offset += 1;
            this.skipWhitespace();
            const value = this.parseValue(depth + 1);
            entries.push({ key, keyLocation, value });
            this.skipWhitespace();
            const next = this.text[this.offset];
            if (next === ',') {
                this.offset += 1;
                continue;
            }
            if (next === '}') {
                this.offset += 1;
                return { kind: 'object', location, entries };
            }
            throw this.error(`expected "," or "}" after the value of ${JSON.stringify(key)}, found ${this.describeHere()}`);
        }
    }
    parseArray(depth) {
        const location = this.here();
        this.offset += 1;
        const items = [];
        this.skipWhitespace();
        if (this.text[this.offset] === ']') {
            this.offset += 1;
            return { kind: 'array', location, items };
        }
        for (;;) {
            this.skipWhitespace();
            if (this.text[this.offset] === ']' && items.length > 0)
                throw this.error('trailing comma before "]"');
            items.push(this.parseValue(depth + 1));
            this.skipWhitespace();
            const next = this.text[this.offset];
            if (next === ',') {
                this.offset += 1;
                continue;
            }
            if (next === ']') {
                this.offset += 1;
                return { kind: 'array', location, items };
            }
            throw this.error(`expected "," or "]" after an array element, found ${this.describeHere()}`);
        }
    }
    /** Reads a string starting at the opening quote; returns its decoded text. */
    parseString() {
        const text = this.text;
        this.offset += 1;
        let result = '';
        let chunkStart = this.offset;
        for (;;) {
            if (this.offset >= text.length)
                throw this.error('unterminated string');
            const code = text.charCodeAt(this.offset);
            if (code === 0x22) {
                result += text.slice(chunkStart, this.offset);
                this.offset += 1;
                return result;
            }
            if (code < 0x20)
                throw this.error(code === 0x0a || code === 0x0d ? 'unterminated string (line break inside a string)' : 'control character inside a string');
            if (code !== 0x5c) {
                this.offset += 1;
                continue;
            }
            result += text.slice(chunkStart, this.offset);
            const escape = text[this.offset + 1];
            const simple = escape === undefined ? undefined : SIMPLE_ESCAPES[escape];
            if (simple !== undefined) {
                result += simple;
                this.offset += 2;
            }
            else if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(this.offset + 2, this.offset + 6))) {
                result += String.fromCharCode(parseInt(text.slice(this.offset + 2, this.offset + 6), 16));
                this.offset += 6;
            }
            else {
                throw this.error(`invalid escape sequence "\\${escape ?? ''}" in a string`);
            }
            chunkStart = this.offset;
        }
    }
    parseNumber() {
        const location = this.here();
        const match = NUMBER.exec(this.text.slice(this.offset, this.offset + 400));
        if (!match)
            throw this.error(`invalid number`);
        this.offset += match[0].length;
        const next = this.text[this.offset];
        if (next !== undefined && /[0-9A-Za-z_.]/.test(next))
            throw this.error(`invalid number`);
        return scalar(location, match[0], 'number');
    }
}
const NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/;
const SIMPLE_ESCAPES = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
function scalar(location, text, type) {
    return { kind: 'scalar', location, value: known(text, location), type };
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __nccwpck_require__(8815);
;// CONCATENATED MODULE: ./src/sources/yaml-tree.ts


const MAX_ALIAS_EXPANSIONS = 1000;
/** Nodes an alias may copy into the tree, all aliases of a document together (billion laughs). */
const MAX_ALIAS_NODES = 100_000;
const yaml_tree_MAX_DEPTH = 200;
/**
 * Parses a (multi-document) YAML or JSON text into located trees. A document with errors is
 * reported once (its first error, with line) and skipped; the other documents are still read.
 * Never throws: whatever goes wrong becomes a finding.
 *
 * Scalars keep the text they were written as when it is not a plain string (`yes`, `0755`,
 * `2001-12-14`), so a reader can show what the author wrote. A flow mapping that is really an
 * unrendered template expression (`{{ .Values.x }}` parses as a mapping) becomes that text.
 */
function parseYamlTree(path, text, options) {
    const lineCounter = new dist/* LineCounter */.HN();
    const ruleId = options.parseErrorRuleId ?? 'parse-error';
    const findings = [];
    const documents = [];
    const locate = (offset) => {
        const { line, col } = lineCounter.linePos(offset);
        return { path, line, column: col };
    };
    let parsed;
    try {
        parsed = (0,dist/* parseAllDocuments */.hR)(text, { lineCounter, version: options.version, prettyErrors: false, uniqueKeys: false, strict: false });
    }
    catch (error) {
        findings.push({ ruleId, location: { path, line: 1, column: 1 }, message: `Cannot parse YAML: ${describeError(error)}` });
        return { documents, findings, lineCounter };
    }
    for (const doc of parsed) {
        const start = locate(doc.range[0]);
        const endLine = lineCounter.linePos(Math.max(doc.range[0], doc.range[2] - 1)).line;
        const error = doc.errors[0];
        if (error) {
            findings.push(syntaxFinding(ruleId, error, text, locate));
            continue;
        }
        try {
            const context = { doc, text, locate, lineCounter, merge: options.version === '1.1', aliases: MAX_ALIAS_EXPANSIONS, aliasNodes: MAX_ALIAS_NODES, outerAlias: 0 };
            const root = doc.contents ? toTree(doc.contents, context, 0, false) : undefined;
            documents.push({ root, location: start, endLine });
        }
        catch (error) {
            const location = error instanceof TreeLimitError ? locate(error.offset) : start;
            findings.push({ ruleId, location, message: `Cannot read YAML: ${describeError(error)}` });
        }
    }
    return { documents, findings, lineCounter };
}
class TreeLimitError extends Error {
    offset;
    constructor(message, offset) {
        super(message);
        this.offset = offset;
    }
}
function syntaxFinding(ruleId, error, text, locate) {
    // An error found at the end of the text (an unclosed bracket) points at the last character written.
    let offset = Math.min(error.pos[0], text.length);
    while (offset > 0 && /\s/.test(text[offset] ?? ' ') && text.slice(offset).trim() === '')
        offset -= 1;
    const location = locate(offset);
    if (error.code === 'RESOURCE_EXHAUSTION') {
        // Where the parser ran out of stack depends on the stack size: name the line, not the column.
        const lineStart = offset - (location.column - 1);
        const indent = /^[ \t]*/.exec(text.slice(lineStart, offset))?.[0].length ?? 0;
        return { ruleId, location: { ...location, column: indent + 1 }, message: 'Cannot parse YAML: nesting too deep to read' };
    }
    return { ruleId, location, message: `Cannot parse YAML: ${describeError(error)}` };
}
function toTree(node, context, depth, inAlias) {
    const offset = node.range?.[0] ?? 0;
    if (depth > yaml_tree_MAX_DEPTH)
        throw new TreeLimitError(`nesting deeper than ${yaml_tree_MAX_DEPTH} levels`, offset);
    if (inAlias && --context.aliasNodes < 0) {
        throw new TreeLimitError(`aliases expand to more than ${MAX_ALIAS_NODES} nodes (an alias bomb?)`, context.outerAlias);
    }
    const location = context.locate(offset);
    if ((0,dist/* isAlias */.Vj)(node)) {
        if (!inAlias)
            context.outerAlias = offset;
        if (--context.aliases < 0)
            throw new TreeLimitError(`more than ${MAX_ALIAS_EXPANSIONS} alias expansions (an alias bomb?)`, context.outerAlias);
        const target = node.resolve(context.doc);
        if (!target)
            return yaml_tree_scalar(location, '', 'null');
        return toTree(target, context, depth + 1, true);
    }
    if ((0,dist/* isCollection */.P3)(node) && node.flow && node.range) {
        const source = context.text.slice(node.range[0], node.range[1]).trimEnd();
        if ((0,dist/* isMap */.jh)(node) && source.startsWith('{{') && source.endsWith('}}'))
            return yaml_tree_scalar(location, source, 'string');
    }
    if ((0,dist/* isMap */.jh)(node)) {
        const explicit = [];
        const merged = [];
        for (const pair of node.items) {
            const keyNode = pair.key;
            const key = yaml_tree_keyText(keyNode);
            const keyLocation = keyNode?.range ? context.locate(keyNode.range[0]) : location;
            if (context.merge && isMergeKey(keyNode) && pair.value) {
                const value = toTree(pair.value, context, depth + 1, inAlias);
                for (const source of value.kind === 'array' ? value.items : [value])
                    if (source.kind === 'object')
                        merged.push(...source.entries);
                continue;
            }
            const value = pair.value ? toTree(pair.value, context, depth + 1, inAlias) : yaml_tree_scalar(keyLocation, '', 'null');
            explicit.push({ key, keyLocation, value });
        }
        return { kind: 'object', location, entries: mergeEntries(explicit, merged), endLine: endLineOf(node, context) };
    }
    if ((0,dist/* isSeq */.oP)(node)) {
        const items = node.items.map((item) => toTree(item, context, depth + 1, inAlias));
        return { kind: 'array', location, items, endLine: endLineOf(node, context) };
    }
    if ((0,dist/* isScalar */.jn)(node)) {
        const value = node.value;
        if (value === null || value === undefined)
            return yaml_tree_scalar(location, '', 'null');
        if (typeof value === 'string')
            return yaml_tree_scalar(location, value, 'string');
        const source = typeof node.source === 'string' ? node.source : String(value);
        if (typeof value === 'boolean')
            return yaml_tree_scalar(location, source, 'boolean');
        if (typeof value === 'number' || typeof value === 'bigint')
            return yaml_tree_scalar(location, source, 'number');
        // Timestamps, binary and other YAML 1.1 types: the text as written.
        return yaml_tree_scalar(location, source, 'string');
    }
    return { kind: 'scalar', location, value: symbolic(String(node), location), type: 'unknown' };
}
/** YAML 1.1 merge keys: explicit keys win over merged ones, and the first merged source wins. */
function mergeEntries(explicit, merged) {
    if (merged.length === 0)
        return explicit;
    const seen = new Set(explicit.map((entry) => entry.key));
    const result = [...explicit];
    for (const entry of merged) {
        if (seen.has(entry.key))
            continue;
        seen.add(entry.key);
        result.push(entry);
    }
    return result;
}
/** A plain `<<` key (the yaml package resolves it to a symbol in YAML 1.1); a quoted '<<' is an ordinary key. */
function isMergeKey(keyNode) {
    return (0,dist/* isScalar */.jn)(keyNode) && keyNode.source === '<<' && (keyNode.type === undefined || keyNode.type === 'PLAIN');
}
function yaml_tree_keyText(keyNode) {
    if (!keyNode)
        return '';
    if ((0,dist/* isScalar */.jn)(keyNode)) {
        const value = keyNode.value;
        if (value === null || value === undefined)
            return '';
        return typeof value === 'string' ? value : typeof keyNode.source === 'string' ? keyNode.source : String(value);
    }
    try {
        return String(keyNode);
    }
    catch {
        return '';
    }
}
function endLineOf(node, context) {
    if (!node.range)
        return undefined;
    let end = Math.max(node.range[0], node.range[1] - 1);
    while (end > node.range[0] && /\s/.test(context.text[end] ?? ''))
        end -= 1;
    return context.lineCounter.linePos(end).line;
}
function yaml_tree_scalar(location, text, type) {
    return { kind: 'scalar', location, value: known(text, location), type };
}
function describeError(error) {
    const message = error instanceof Error ? error.message : String(error);
    const first = (message.split('\n')[0] ?? message).trim();
    return first.replace(/\.$/, '');
}

;// CONCATENATED MODULE: ./src/sources/kubernetes.ts






/** Reads Kubernetes manifests (multi-document YAML, JSON, `List` kinds) into objects, ServiceAccounts and workloads. */
const kubernetesSource = perFileSource('kubernetes', ['kubernetes'], (file) => readKubernetesFile(file));
/** The namespace of an object that names none: whatever `kubectl apply -n`, Helm or Argo CD gives it. */
const APPLY_NAMESPACE = 'namespace-of-apply';
const SERVICE_ACCOUNT_ANNOTATION = {
    roleArn: 'eks.amazonaws.com/role-arn',
    audience: 'eks.amazonaws.com/audience',
    stsRegionalEndpoints: 'eks.amazonaws.com/sts-regional-endpoints',
    tokenExpiration: 'eks.amazonaws.com/token-expiration',
};
/** Kinds whose pods come from `spec.template` (plus any kind that has `spec.template.spec.containers`). */
const TEMPLATE_WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'ReplicationController']);
const MAX_LIST_DEPTH = 8;
function readKubernetesFile(file) {
    const reader = new ManifestReader(file);
    try {
        reader.read();
    }
    catch (error) {
        reader.findings.push({
            ruleId: 'parse-error',
            location: { path: file.path, line: 1, column: 1 },
            message: `Cannot read ${file.path}: ${error instanceof Error ? error.message : String(error)}`,
        });
    }
    return {
        facts: { objects: reader.objects, serviceAccounts: reader.serviceAccounts, workloads: reader.workloads },
        findings: reader.findings,
        suppressions: reader.suppressions,
    };
}
class ManifestReader {
    file;
    objects = [];
    serviceAccounts = [];
    workloads = [];
    findings = [];
    suppressions = [];
    lines;
    constructor(file) {
        this.file = file;
        this.lines = file.text.split('\n');
    }
    read() {
        if (/\.json$/i.test(this.file.path)) {
            this.readJson();
            return;
        }
        this.suppressions.push(...commentSuppressions(this.file.path, this.file.text, ['#']));
        const tree = parseYamlTree(this.file.path, this.file.text, { version: '1.1' });
        this.reportParseErrors(tree.findings);
        for (const document of tree.documents) {
            if (document.root?.kind !== 'object')
                continue;
            this.readObjectOrList(document.root, { fromLine: document.location.line, toLine: document.endLine }, 0);
        }
    }
    /** kubectl decodes a file that starts with `{` as strict JSON. */
    readJson() {
        const parsed = parseJsonTree(this.file.path, this.file.text);
        if (!parsed.ok) {
            this.findings.push({ ruleId: 'parse-error', location: this.withinText(parsed.location), message: `Cannot parse JSON: ${parsed.message}; nothing in this file was checked` });
            return;
        }
        if (parsed.root.kind === 'object')
            this.readObjectOrList(parsed.root, { fromLine: parsed.root.location.line, toLine: this.lines.length }, 0);
    }
    /** A location past the last character written (end of file) moves back onto that character. */
    withinText(location) {
        const rest = [this.lines[location.line - 1]?.slice(location.column - 1) ?? '', ...this.lines.slice(location.line)].join('');
        if (rest.trim() !== '')
            return location;
        for (let index = Math.min(location.line, this.lines.length) - 1; index >= 0; index -= 1) {
            const line = this.lines[index].trimEnd();
            if (line !== '')
                return { path: location.path, line: index + 1, column: line.length };
        }
        return location;
    }
    reportParseErrors(errors) {
        if (errors.length === 0)
            return;
        if (this.file.text.includes('{{')) {
            const first = errors[0];
            this.findings.push({
                ...first,
                message: `${first.message}; the file holds template expressions ({{ }}), so scan the rendered manifests (helm template, envsubst) or exclude the template`,
            });
            return;
        }
        for (const error of errors)
            this.findings.push({ ...error, message: `${error.message}; nothing in this document was checked` });
    }
    readObjectOrList(node, span, depth) {
        const kind = kubernetes_text(last(node, 'kind'));
        if (kind === undefined)
            return;
        const items = last(node, 'items');
        if (kind.endsWith('List') && items?.kind === 'array' && depth < MAX_LIST_DEPTH) {
            for (const item of items.items) {
                if (item.kind !== 'object')
                    continue;
                this.readObjectOrList(item, { fromLine: item.location.line, toLine: item.endLine ?? item.location.line }, depth + 1);
            }
            return;
        }
        this.readObject(node, kind, span);
    }
    readObject(node, kind, span) {
        this.reportDuplicateKeys(node);
        const apiVersion = kubernetes_text(last(node, 'apiVersion')) ?? '';
        const metadata = last(node, 'metadata');
        const nameEntry = lastEntry(metadata, 'name');
        const location = nameEntry?.keyLocation ?? lastEntry(node, 'metadata')?.keyLocation ?? node.location;
        const name = nameValue(nameEntry?.value, metadata, location);
        const namespace = namespaceValue(last(metadata, 'namespace'), location);
        const annotations = this.annotationsOf(last(metadata, 'annotations'), 'annotations');
        const labels = this.annotationsOf(last(metadata, 'labels'), 'labels');
        const pod = podOf(node, kind);
        const templateMetadata = pod?.templateMetadata;
        const templateAnnotations = [
            ...this.annotationsOf(last(templateMetadata, 'annotations'), 'template-annotations'),
            ...this.annotationsOf(last(templateMetadata, 'labels'), 'template-labels'),
        ];
        this.objects.push({ source: 'kubernetes', apiVersion, kind, name, namespace, location, annotations: [...annotations, ...labels, ...templateAnnotations] });
        this.readSuppression(annotations, span);
        if (kind === 'ServiceAccount' && apiVersion === 'v1') {
            const byKey = new Map(annotations.map((annotation) => [annotation.key, annotation.value]));
            const serviceAccount = { source: 'kubernetes', namespace, name, location, annotations };
            const roleArn = byKey.get(SERVICE_ACCOUNT_ANNOTATION.roleArn);
            const audience = byKey.get(SERVICE_ACCOUNT_ANNOTATION.audience);
            const stsRegionalEndpoints = byKey.get(SERVICE_ACCOUNT_ANNOTATION.stsRegionalEndpoints);
            const tokenExpiration = byKey.get(SERVICE_ACCOUNT_ANNOTATION.tokenExpiration);
            if (roleArn)
                serviceAccount.roleArn = roleArn;
            if (audience)
                serviceAccount.audience = audience;
            if (stsRegionalEndpoints)
                serviceAccount.stsRegionalEndpoints = stsRegionalEndpoints;
            if (tokenExpiration)
                serviceAccount.tokenExpiration = tokenExpiration;
            this.serviceAccounts.push(serviceAccount);
        }
        if (pod?.spec.kind === 'object') {
            const workload = { source: 'kubernetes', kind, name, namespace, location, containers: this.containersOf(pod.spec) };
            const serviceAccountName = lastEntry(pod.spec, 'serviceAccountName') ?? lastEntry(pod.spec, 'serviceAccount');
            const serviceAccountValue = serviceAccountName ? referenceValue(serviceAccountName.value) : undefined;
            if (serviceAccountValue)
                workload.serviceAccountName = serviceAccountValue;
            this.workloads.push(workload);
        }
    }
    /** The effective map (kubectl keeps the last of duplicate keys); values as written. */
    annotationsOf(node, where) {
        if (node?.kind !== 'object')
            return [];
        const effective = new Map();
        for (const item of node.entries) {
            effective.delete(item.key);
            effective.set(item.key, item);
        }
        return [...effective.values()].map((item) => {
            const annotation = { key: item.key, keyLocation: item.keyLocation, value: this.valueText(item.value), where };
            const valueKind = nonStringKind(item.value);
            if (valueKind)
                annotation.valueKind = valueKind;
            return annotation;
        });
    }
    readSuppression(annotations, span) {
        const annotation = annotations.find((candidate) => candidate.key === SUPPRESSION_ANNOTATION);
        if (!annotation)
            return;
        const value = annotation.value.kind === 'known' ? annotation.value.value : annotation.value.expression;
        this.suppressions.push(annotationSuppression(value, annotation.value.location, span.fromLine, span.toLine));
    }
    containersOf(podSpec) {
        const containers = [];
        for (const [field, init] of [['initContainers', true], ['containers', false]]) {
            const list = last(podSpec, field);
            if (list?.kind !== 'array')
                continue;
            for (const item of list.items) {
                if (item.kind !== 'object')
                    continue;
                containers.push({ name: kubernetes_text(last(item, 'name')) ?? '', init, location: item.location, env: this.envOf(last(item, 'env')) });
            }
        }
        return containers;
    }
    envOf(node) {
        if (node?.kind !== 'array')
            return [];
        const env = [];
        for (const item of node.items) {
            if (item.kind !== 'object')
                continue;
            const nameNode = last(item, 'name');
            const name = kubernetes_text(nameNode);
            if (name === undefined || !nameNode)
                continue;
            const variable = { name, location: nameNode.location };
            const valueFrom = last(item, 'valueFrom');
            const value = last(item, 'value');
            if (valueFrom) {
                variable.fromSecret = last(valueFrom, 'secretKeyRef') !== undefined;
            }
            else {
                variable.value = value ? this.valueText(value) : known('', nameNode.location);
            }
            env.push(variable);
        }
        return env;
    }
    /** A scalar's text; for a list or map (not valid where Kubernetes wants a string), its source lines. */
    valueText(node) {
        if (node.kind === 'scalar')
            return node.value;
        const from = node.location.line;
        const to = node.endLine ?? from;
        const source = [this.lines[from - 1]?.slice(node.location.column - 1) ?? '', ...this.lines.slice(from, to)].join('\n').trim();
        return known(source, node.location);
    }
    reportDuplicateKeys(root) {
        const reported = new Set();
        const visit = (node, depth) => {
            if (depth > 250)
                return;
            if (node.kind === 'array') {
                for (const item of node.items)
                    visit(item, depth + 1);
                return;
            }
            if (node.kind !== 'object')
                return;
            const first = new Map();
            for (const item of node.entries) {
                const earlier = first.get(item.key);
                if (earlier) {
                    const at = `${item.keyLocation.line}:${item.keyLocation.column}`;
                    if (!reported.has(at)) {
                        reported.add(at);
                        this.findings.push({
                            ruleId: 'parse-error',
                            location: item.keyLocation,
                            message: `Duplicate key "${item.key}" (first at ${formatLocation(earlier.keyLocation)}): kubectl apply -f silently keeps the last value while kustomize and Flux reject the file; keep one of them`,
                            key: `duplicate-key:${item.key}`,
                        });
                    }
                }
                else {
                    first.set(item.key, item);
                }
                visit(item.value, depth + 1);
            }
        };
        visit(root, 0);
    }
}
/** Where a kind keeps its pod: a Pod's own spec, a CronJob's job template, or `spec.template`. */
function podOf(node, kind) {
    const spec = last(node, 'spec');
    if (kind === 'Pod')
        return spec ? { spec } : undefined;
    const template = kind === 'CronJob' ? last(last(last(spec, 'jobTemplate'), 'spec'), 'template') : last(spec, 'template');
    const podSpec = last(template, 'spec');
    if (!podSpec)
        return undefined;
    const isWorkload = TEMPLATE_WORKLOAD_KINDS.has(kind) || kind === 'CronJob' || last(podSpec, 'containers')?.kind === 'array';
    if (!isWorkload)
        return undefined;
    const templateMetadata = last(template, 'metadata');
    return templateMetadata ? { spec: podSpec, templateMetadata } : { spec: podSpec };
}
function nameValue(node, metadata, location) {
    const value = node ? referenceValue(node) : undefined;
    if (value)
        return value;
    const generateName = kubernetes_text(last(metadata, 'generateName'));
    return symbolic(generateName ? `generated-name:${generateName}` : 'name-of-apply', location);
}
function namespaceValue(node, location) {
    return (node ? referenceValue(node) : undefined) ?? symbolic(APPLY_NAMESPACE, location);
}
/**
 * A name or namespace: known text, or symbolic when it is an unrendered template
 * (`{{ .Release.Namespace }}`, `${NAMESPACE}`) whose value only exists at apply time.
 */
function referenceValue(node) {
    const value = kubernetes_text(node);
    if (value === undefined || value === '')
        return undefined;
    if (/\{\{.*\}\}|\$\{[^}]*\}/.test(value))
        return symbolic(value.trim(), node.location);
    return known(value, node.location);
}
function nonStringKind(node) {
    if (node.kind !== 'scalar')
        return 'collection';
    if (node.type === 'number' || node.type === 'boolean' || node.type === 'null')
        return node.type;
    return undefined;
}
/** The last entry with this key: what kubectl applies when a key is duplicated. */
function lastEntry(node, key) {
    if (node?.kind !== 'object')
        return undefined;
    for (let index = node.entries.length - 1; index >= 0; index -= 1) {
        if (node.entries[index].key === key)
            return node.entries[index];
    }
    return undefined;
}
function last(node, key) {
    return lastEntry(node, key)?.value;
}
/** A scalar's text (numbers and booleans as written), or undefined. */
function kubernetes_text(node) {
    if (node?.kind !== 'scalar' || node.type === 'null')
        return undefined;
    return node.value.kind === 'known' ? node.value.value : undefined;
}

;// CONCATENATED MODULE: ./src/rules/helpers/kubernetes.ts


const ROLE_ARN_ANNOTATION = 'eks.amazonaws.com/role-arn';
const AUDIENCE_ANNOTATION = 'eks.amazonaws.com/audience';
const TOKEN_EXPIRATION_ANNOTATION = 'eks.amazonaws.com/token-expiration';
const STS_REGIONAL_ENDPOINTS_ANNOTATION = 'eks.amazonaws.com/sts-regional-endpoints';
const SKIP_CONTAINERS_ANNOTATION = 'eks.amazonaws.com/skip-containers';
/** A value as a reader sees it: literal text, or `${expression}` for a symbolic one. */
function valueText(value) {
    return value.kind === 'known' ? value.value : `\${${value.expression}}`;
}
/** A string quoted for a one-line message: newlines and quotes escaped, so a trailing `\n` shows. */
function quoted(text) {
    return JSON.stringify(text);
}
/** `prod/app`; just `app` when the manifest leaves the namespace to whoever applies it. */
function qualifiedName(namespace, name) {
    const nameText = typeof name === 'string' ? name : valueText(name);
    if (namespace.kind === 'symbolic' && namespace.expression === APPLY_NAMESPACE)
        return nameText;
    return `${valueText(namespace)}/${nameText}`;
}
/** `ServiceAccount prod/app` */
function serviceAccountTitle(sa) {
    return `ServiceAccount ${qualifiedName(sa.namespace, sa.name)}`;
}
/** `sa:prod/app`: a finding identity without line numbers. */
function serviceAccountIdentity(sa) {
    return `sa:${qualifiedName(sa.namespace, sa.name)}`;
}
/** `Deployment prod/web` */
function objectTitle(object) {
    return `${object.kind} ${qualifiedName(object.namespace, object.name)}`;
}
/** The role-arn annotation is set to something the webhook acts on (a non-empty or symbolic value). */
function hasRoleArn(sa) {
    if (sa.roleArn === undefined)
        return false;
    return sa.roleArn.kind === 'symbolic' || sa.roleArn.value.trim() !== '';
}
/** The workload fact read from the same manifest object. */
function workloadOfObject(graph, object) {
    return graph.facts.workloads.find((workload) => workload.kind === object.kind &&
        workload.location.path === object.location.path &&
        sameText(workload.name, object.name) &&
        sameText(workload.namespace, object.namespace));
}
/** The manifest object a workload was read from (its pod-template annotations live there). */
function objectOfWorkload(graph, workload) {
    return graph.facts.objects.find((object) => object.kind === workload.kind &&
        object.location.path === workload.location.path &&
        sameText(object.name, workload.name) &&
        sameText(object.namespace, workload.namespace));
}
/** Annotations the webhook reads from the pod: a pod template's, or a bare Pod's own. */
function podAnnotations(object) {
    return object.annotations.filter((annotation) => annotation.where === 'template-annotations' || (object.kind === 'Pod' && annotation.where === 'annotations'));
}
/**
 * Where to put a role-arn annotation found on a workload: the ServiceAccount its pods run as, with
 * that ServiceAccount's file:line when a scanned source defines it.
 */
function serviceAccountToAnnotate(graph, workload) {
    const name = workload.serviceAccountName;
    const defined = graph.serviceAccountsOf(workload)[0];
    if (name === undefined || (name.kind === 'known' && (name.value === '' || name.value === 'default'))) {
        const where = defined ? ` (${formatLocation(defined.location)})` : '';
        return `its pods run as ServiceAccount ${qualifiedName(workload.namespace, 'default')}${where}: create a ServiceAccount for it with the annotation and set spec.serviceAccountName`;
    }
    if (defined)
        return `put it in the metadata.annotations of ${serviceAccountTitle(defined)} (${formatLocation(defined.location)}), which its pods run as`;
    return `put it in the metadata.annotations of ServiceAccount ${qualifiedName(workload.namespace, name)}, which its pods run as (no scanned file defines it)`;
}
/** Optimal string alignment distance: edits, with a swap of two neighbours counted once. */
function editDistance(a, b) {
    const rows = a.length + 1;
    const columns = b.length + 1;
    const table = Array.from({ length: rows }, (_, i) => Array.from({ length: columns }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i < rows; i++) {
        for (let j = 1; j < columns; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let best = Math.min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                best = Math.min(best, table[i - 2][j - 2] + 1);
            table[i][j] = best;
        }
    }
    return table[rows - 1][columns - 1];
}
/**
 * Account IDs the AWS documentation uses in examples (EKS and IAM user guides: 111122223333,
 * 123456789012, 444455556666, 777788889999; AWS CLI / Tools for PowerShell examples: 012345678912).
 */
const DOCUMENTATION_ACCOUNTS = ['111122223333', '123456789012', '444455556666', '777788889999', '012345678912'];
/** Sources whose `${…}` / `{{…}}` are resolved by the tool that reads them, so they are not leftovers. */
const INTERPOLATING_SOURCES = new Set(['terraform', 'terraform-plan', 'cloudformation', 'helm', 'live']);
const TEMPLATE_RESIDUES = [
    { pattern: /\{\{.*?\}\}/, what: 'an unrendered template expression' },
    { pattern: /\$\{[^}]*\}/, what: 'an unsubstituted variable' },
    { pattern: /\$\([^)]*\)/, what: 'an unsubstituted variable' },
    { pattern: /\$[A-Za-z_][A-Za-z0-9_]*/, what: 'an unsubstituted variable' },
    { pattern: /#\{[^}]*\}/, what: 'an unreplaced token' },
    { pattern: /__[A-Za-z][A-Za-z0-9_]*__/, what: 'an unreplaced token' },
    { pattern: /<[^<>]+>/, what: 'a placeholder' },
];
const PLACEHOLDER_WORDS = /^(changeme|change[-_]me|replaceme|replace[-_]me|todo|tbd|fixme|placeholder|none|null|nil|undefined|tobefilled)$/i;
const UPPER_SNAKE_TOKEN = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/;
/**
 * The placeholder a role-arn annotation holds instead of a real ARN: emptiness, template or
 * variable residue, a word such as ACCOUNT_ID or REPLACE_ME, or an AWS documentation account.
 */
function findRoleArnPlaceholder(text, source) {
    const trimmed = text.trim();
    if (trimmed === '')
        return { description: 'nothing (the value is empty)' };
    if (!INTERPOLATING_SOURCES.has(source)) {
        for (const { pattern, what } of TEMPLATE_RESIDUES) {
            const match = pattern.exec(trimmed);
            if (match)
                return { description: `${what} ${quoted(match[0])}` };
        }
    }
    if (PLACEHOLDER_WORDS.test(trimmed) || UPPER_SNAKE_TOKEN.test(trimmed))
        return { description: `the placeholder ${quoted(trimmed)}` };
    const account = /:iam::([^:]*):/.exec(trimmed)?.[1];
    if (account !== undefined && /[A-Za-z]{2,}/.test(account))
        return { description: `the placeholder account ${quoted(account)}` };
    if (account !== undefined && DOCUMENTATION_ACCOUNTS.includes(account)) {
        return { description: `${account}, an example account ID from the AWS documentation`, documentationAccount: account };
    }
    return undefined;
}
function sameText(a, b) {
    return valueText(a) === valueText(b) && a.kind === b.kind;
}

;// CONCATENATED MODULE: ./src/rules/annotation-key-typo.ts

const KUBE2IAM_ANNOTATION = 'iam.amazonaws.com/role';
/** Edits that still make a key a misspelling of `eks.amazonaws.com/role-arn` (`eks.amazon.com/role-arn` is three). */
const MAX_KEY_DISTANCE = 3;
/** Key names (lower case, separators dropped) that mean "the role" under an AWS-looking prefix. */
const ROLE_KEY_NAMES = new Set(['rolearn', 'iamrolearn', 'iamrole', 'role', 'arn', 'rolearns']);
const annotationKeyTypo = {
    meta: {
        id: 'annotation-key-typo',
        level: 'error',
        description: 'An annotation key is a near miss of eks.amazonaws.com/role-arn (eks.amazon.com/…, role_arn, roleArn, a stray space, kube2iam iam.amazonaws.com/role on a ServiceAccount), so the EKS webhook never sees the role.',
        remediation: 'Spell the key exactly eks.amazonaws.com/role-arn, in the metadata.annotations of the ServiceAccount the pods run as.',
    },
    *check(graph) {
        const seen = new Set();
        for (const holder of holders(graph)) {
            for (const annotation of holder.annotations) {
                const at = `${annotation.keyLocation.path}:${annotation.keyLocation.line}:${annotation.keyLocation.column}`;
                if (seen.has(at))
                    continue;
                seen.add(at);
                const problem = nearMiss(annotation, holder);
                if (!problem)
                    continue;
                yield {
                    location: annotation.keyLocation,
                    message: `${placement(annotation, holder)} ${problem}; ${remedy(graph, annotation, holder)}`,
                    key: `${objectTitle(holder)} key:${annotation.key}`,
                };
            }
        }
    },
};
/** Manifest objects, plus ServiceAccounts that other sources (Terraform, eksctl) define. */
function* holders(graph) {
    for (const object of graph.facts.objects)
        yield { ...object, object };
    for (const sa of graph.facts.serviceAccounts)
        yield { kind: 'ServiceAccount', name: sa.name, namespace: sa.namespace, annotations: sa.annotations };
}
function nearMiss(annotation, holder) {
    const key = annotation.key;
    if (key === ROLE_ARN_ANNOTATION)
        return undefined;
    const hasCorrectKey = holder.annotations.some((other) => other.key === ROLE_ARN_ANNOTATION && other.where === annotation.where);
    if (hasCorrectKey)
        return undefined;
    const lower = key.toLowerCase();
    if (lower === KUBE2IAM_ANNOTATION) {
        if (holder.kind !== 'ServiceAccount' || annotation.where !== 'annotations')
            return undefined;
        return `is the kube2iam/kiam pod annotation, which the EKS webhook does not read (it reads ${ROLE_ARN_ANNOTATION})`;
    }
    if (key.trim() === ROLE_ARN_ANNOTATION || key.replace(/\s+/g, '') === ROLE_ARN_ANNOTATION)
        return `has stray whitespace, so it is not ${ROLE_ARN_ANNOTATION} to the EKS webhook`;
    if (lower === ROLE_ARN_ANNOTATION)
        return `differs in letter case from ${ROLE_ARN_ANNOTATION} (keys are case-sensitive), so the EKS webhook does not read it`;
    if (editDistance(lower.replace(/\s+/g, ''), ROLE_ARN_ANNOTATION) <= MAX_KEY_DISTANCE)
        return misspelling;
    const slash = lower.lastIndexOf('/');
    const prefix = lower.slice(0, Math.max(slash, 0));
    const name = lower.slice(slash + 1).replace(/[-_.\s]/g, '');
    if (ROLE_KEY_NAMES.has(name) && /amazon|aws|eks/.test(prefix) && looksLikeRole(annotation))
        return misspelling;
    return undefined;
}
const misspelling = `is a misspelling of ${ROLE_ARN_ANNOTATION}, the only key the EKS webhook reads`;
function looksLikeRole(annotation) {
    const text = annotation.value.kind === 'known' ? annotation.value.value : annotation.value.expression;
    return /role|arn/i.test(text);
}
function placement(annotation, holder) {
    const title = objectTitle(holder);
    switch (annotation.where) {
        case 'annotations':
            return `annotation ${quoted(annotation.key)} on ${title}`;
        case 'labels':
            return `label ${quoted(annotation.key)} on ${title}`;
        case 'template-annotations':
            return `annotation ${quoted(annotation.key)} in the pod template of ${title}`;
        case 'template-labels':
            return `label ${quoted(annotation.key)} in the pod template of ${title}`;
    }
}
function remedy(graph, annotation, holder) {
    if (holder.kind === 'ServiceAccount') {
        const move = annotation.where === 'annotations' ? '' : ' under metadata.annotations';
        const bare = annotation.value.kind === 'known' && !annotation.value.value.trim().startsWith('arn:') ? ' with the full role ARN as its value' : '';
        return `write it as ${ROLE_ARN_ANNOTATION}${move}${bare}`;
    }
    const workload = holder.object ? workloadOfObject(graph, holder.object) : undefined;
    const target = workload ? serviceAccountToAnnotate(graph, workload) : 'put it in the metadata.annotations of the ServiceAccount the pods run as';
    return `the webhook reads ${ROLE_ARN_ANNOTATION} only on ServiceAccounts: ${target}`;
}

;// CONCATENATED MODULE: ./src/rules/annotation-value-invalid.ts

/** The webhook's minimum (kube-apiserver's minimum for projected tokens). */
const MIN_TOKEN_EXPIRATION = 600n;
const DEFAULT_TOKEN_EXPIRATION = 86400;
const MAX_INT64 = 9223372036854775807n;
const IRSA_ANNOTATIONS = new Set([ROLE_ARN_ANNOTATION, AUDIENCE_ANNOTATION, TOKEN_EXPIRATION_ANNOTATION, STS_REGIONAL_ENDPOINTS_ANNOTATION, SKIP_CONTAINERS_ANNOTATION]);
/** Every spelling Go's strconv.ParseBool accepts. */
const GO_BOOLEANS = new Set(['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False']);
const annotationValueInvalid = {
    meta: {
        id: 'annotation-value-invalid',
        level: 'warning',
        description: 'An IRSA annotation value the EKS webhook cannot use: an empty eks.amazonaws.com/audience, a token-expiration that is not an integer or is below 600, an sts-regional-endpoints that is not a boolean, or an unquoted YAML number or boolean the API server refuses.',
        remediation: 'Remove the annotation or give it a quoted value the webhook reads: an audience such as sts.amazonaws.com, a whole number of seconds of at least 600, "true" or "false".',
    },
    *check(graph) {
        yield* unquotedValues(graph);
        for (const sa of graph.facts.serviceAccounts) {
            const title = serviceAccountTitle(sa);
            const identity = serviceAccountIdentity(sa);
            const unquoted = new Set(sa.annotations.filter(isUnquoted).map((annotation) => annotation.key));
            if (sa.audience?.kind === 'known' && sa.audience.value.trim() === '' && !unquoted.has(AUDIENCE_ANNOTATION)) {
                yield {
                    location: sa.audience.location,
                    message: `${AUDIENCE_ANNOTATION} of ${title} is empty: the webhook then projects a token for the API server's own audience, which STS refuses ("Incorrect token audience"); ` +
                        'remove the annotation (the default is sts.amazonaws.com) or set the audience the trust policy expects',
                    key: `${identity} audience`,
                };
            }
            if (sa.tokenExpiration && !unquoted.has(TOKEN_EXPIRATION_ANNOTATION))
                yield* tokenExpiration(sa.tokenExpiration, title, `the token keeps the default lifetime of ${DEFAULT_TOKEN_EXPIRATION} seconds`, identity);
            if (sa.stsRegionalEndpoints?.kind === 'known' && !GO_BOOLEANS.has(sa.stsRegionalEndpoints.value) && !unquoted.has(STS_REGIONAL_ENDPOINTS_ANNOTATION)) {
                yield {
                    location: sa.stsRegionalEndpoints.location,
                    message: `${STS_REGIONAL_ENDPOINTS_ANNOTATION} ${quoted(sa.stsRegionalEndpoints.value)} of ${title} is not a boolean the webhook parses (Go strconv.ParseBool), so it is ignored; ` +
                        'write "true" or "false"',
                    key: `${identity} sts-regional-endpoints`,
                };
            }
        }
        yield* podTokenExpirations(graph);
    },
};
function* podTokenExpirations(graph) {
    for (const object of graph.facts.objects) {
        if (object.kind === 'ServiceAccount')
            continue;
        for (const annotation of podAnnotations(object)) {
            if (annotation.key !== TOKEN_EXPIRATION_ANNOTATION || isUnquoted(annotation))
                continue;
            const where = annotation.where === 'template-annotations' ? `the pod template of ${objectTitle(object)}` : objectTitle(object);
            yield* tokenExpiration(annotation.value, where, `the token keeps the ServiceAccount's lifetime (${DEFAULT_TOKEN_EXPIRATION} seconds by default)`, objectTitle(object));
        }
    }
}
/**
 * An IRSA annotation written as a YAML number, boolean, list or map: annotation values are strings,
 * so the API server refuses the whole object.
 */
function* unquotedValues(graph) {
    for (const object of graph.facts.objects) {
        for (const annotation of object.annotations) {
            if (!IRSA_ANNOTATIONS.has(annotation.key) || !isUnquoted(annotation))
                continue;
            if (annotation.where === 'labels' || annotation.where === 'template-labels')
                continue;
            const owner = annotation.where === 'template-annotations' ? `the pod template of ${objectTitle(object)}` : objectTitle(object);
            const what = annotation.valueKind === 'collection' ? 'a list or map' : `an unquoted ${annotation.valueKind}`;
            const text = valueText(annotation.value);
            const fix = annotation.valueKind === 'collection' ? 'write a single string' : `quote it: ${annotation.key}: ${quoted(text)}`;
            yield {
                location: annotation.value.location,
                message: `${annotation.key} of ${owner} is ${what}, but annotation values must be strings, so the API server rejects the object; ${fix}`,
                key: `${objectTitle(object)} ${annotation.where} ${annotation.key} unquoted`,
            };
        }
    }
}
function isUnquoted(annotation) {
    return annotation.valueKind === 'number' || annotation.valueKind === 'boolean' || annotation.valueKind === 'collection';
}
function* tokenExpiration(value, owner, fallback, identity) {
    if (value.kind !== 'known')
        return;
    const text = value.value;
    const label = `${TOKEN_EXPIRATION_ANNOTATION} ${quoted(text)} of ${owner}`;
    if (!/^[+-]?\d+$/.test(text) || BigInt(text) > MAX_INT64 || BigInt(text) < -MAX_INT64 - 1n) {
        yield {
            location: value.location,
            message: `${label} is not a whole number of seconds the webhook parses, so it is ignored and ${fallback}; write the lifetime in seconds, e.g. "3600"`,
            key: `${identity} token-expiration`,
        };
        return;
    }
    if (BigInt(text) < MIN_TOKEN_EXPIRATION) {
        yield {
            location: value.location,
            message: `${label} is below ${MIN_TOKEN_EXPIRATION} seconds, so the webhook raises it to ${MIN_TOKEN_EXPIRATION}; write ${MIN_TOKEN_EXPIRATION} or more`,
            key: `${identity} token-expiration`,
        };
    }
}

;// CONCATENATED MODULE: ./src/rules/annotation-wrong-object.ts


const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const MAX_LABEL_VALUE = 63;
const annotationWrongObject = {
    meta: {
        id: 'annotation-wrong-object',
        level: 'error',
        description: 'eks.amazonaws.com/role-arn is set on something other than a ServiceAccount annotation (a Deployment, a pod template, a Pod, a Namespace, or a label), where the EKS webhook never reads it.',
        remediation: 'Move the annotation to metadata.annotations of the ServiceAccount the pods run as (spec.serviceAccountName).',
    },
    *check(graph) {
        for (const object of graph.facts.objects) {
            for (const annotation of object.annotations) {
                if (annotation.key !== ROLE_ARN_ANNOTATION)
                    continue;
                if (object.kind === 'ServiceAccount' && annotation.where === 'annotations')
                    continue;
                yield object.kind === 'ServiceAccount' ? labelOnServiceAccount(object, annotation) : onOtherObject(graph, object, annotation);
            }
        }
    },
};
function labelOnServiceAccount(object, annotation) {
    const annotated = object.annotations.find((other) => other.key === ROLE_ARN_ANNOTATION && other.where === 'annotations');
    const rejected = rejectedAsLabel(annotation);
    const base = `${ROLE_ARN_ANNOTATION} is a label on ${objectTitle(object)}, but the EKS webhook reads annotations${rejected}`;
    if (annotated && !rejected) {
        return {
            location: annotation.keyLocation,
            level: 'note',
            message: `${base}; the annotation at ${formatLocation(annotated.keyLocation)} already sets it, so remove the label`,
            related: [{ location: annotated.keyLocation, message: 'the annotation the webhook reads' }],
            key: `${objectTitle(object)} label`,
        };
    }
    const fix = annotated ? `remove the label (the annotation at ${formatLocation(annotated.keyLocation)} already sets it)` : 'move it under metadata.annotations';
    return { location: annotation.keyLocation, message: `${base}; ${fix}`, key: `${objectTitle(object)} label` };
}
function onOtherObject(graph, object, annotation) {
    const where = annotation.where === 'template-annotations' || annotation.where === 'template-labels' ? `the pod template of ${objectTitle(object)}` : objectTitle(object);
    const kind = annotation.where === 'labels' || annotation.where === 'template-labels' ? 'a label' : 'an annotation';
    const base = `${ROLE_ARN_ANNOTATION} ${quoted(valueText(annotation.value))} is ${kind} on ${where}, where the EKS webhook never reads it (only ServiceAccount annotations)${rejectedAsLabel(annotation)}`;
    const key = `${objectTitle(object)} ${annotation.where}`;
    const workload = workloadOfObject(graph, object);
    if (!workload) {
        const target = object.kind === 'Namespace' ? `the ServiceAccounts of namespace ${valueText(object.name)} that need the role` : 'the ServiceAccount the pods run as';
        return { location: annotation.keyLocation, message: `${base}; put it in the metadata.annotations of ${target}`, key };
    }
    const serviceAccount = graph.serviceAccountsOf(workload)[0];
    const related = serviceAccount ? [{ location: serviceAccount.location, message: `${serviceAccountTitle(serviceAccount)}, which the pods run as` }] : [];
    const current = serviceAccount?.roleArn;
    if (serviceAccount && current) {
        const sameRole = current.kind === annotation.value.kind && valueText(current).trim() === valueText(annotation.value).trim();
        if (sameRole && !rejectedAsLabel(annotation)) {
            return {
                location: annotation.keyLocation,
                level: 'note',
                message: `${base}; ${serviceAccountTitle(serviceAccount)} (${formatLocation(current.location)}), which the pods run as, already names this role, so remove this copy`,
                related,
                key,
            };
        }
        if (!sameRole) {
            return {
                location: annotation.keyLocation,
                message: `${base}; the pods get the role of ${serviceAccountTitle(serviceAccount)} instead, ${quoted(valueText(current))} (${formatLocation(current.location)}): set the role you want there and remove this one`,
                related,
                key,
            };
        }
    }
    return { location: annotation.keyLocation, message: `${base}; ${serviceAccountToAnnotate(graph, workload)}`, related, key };
}
/** An ARN is no valid label value, so the API server refuses the whole object. */
function rejectedAsLabel(annotation) {
    if (annotation.where !== 'labels' && annotation.where !== 'template-labels')
        return '';
    if (annotation.value.kind !== 'known')
        return '';
    const value = annotation.value.value;
    if (value.length <= MAX_LABEL_VALUE && LABEL_VALUE.test(value))
        return '';
    return ', and the API server rejects the object because an ARN is not a valid label value';
}

;// CONCATENATED MODULE: ./src/rules/role-arn-invalid.ts


const role_arn_invalid_PARTITIONS = new Set(['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc']);
const ROLE_NAME_CHARACTER = /[\w+=,.@-]/;
const ROLE_NAME = /^[\w+=,.@-]+$/;
const ROLE_PATH = /^(\/|\/[\x21-\x7e]+\/)$/;
const MAX_ROLE_NAME = 64;
const MAX_ROLE_PATH = 512;
const roleArnInvalid = {
    meta: {
        id: 'role-arn-invalid',
        level: 'error',
        description: 'The eks.amazonaws.com/role-arn annotation of a ServiceAccount is not an IAM role ARN, so STS rejects the web identity call.',
        remediation: 'Write the full role ARN, arn:<partition>:iam::<12-digit account>:role/<optional path/><name>, on one line with no quotes or spaces.',
    },
    *check(graph) {
        for (const sa of graph.facts.serviceAccounts) {
            const value = sa.roleArn;
            if (value?.kind !== 'known')
                continue;
            const placeholder = findRoleArnPlaceholder(value.value, sa.source);
            if (placeholder && !placeholder.documentationAccount)
                continue;
            const problem = roleArnProblem(value.value);
            if (!problem)
                continue;
            const fix = problem.suggestion ? `write ${quoted(problem.suggestion)}` : 'write arn:<partition>:iam::<12-digit account>:role/<name>';
            yield {
                location: value.location,
                message: `eks.amazonaws.com/role-arn of ${serviceAccountTitle(sa)} is not a valid IAM role ARN: ${quoted(value.value)} ${problem.reason}, so STS answers "Request ARN is invalid"; ${fix}`,
                key: `${serviceAccountIdentity(sa)} arn:${value.value}`,
            };
        }
    },
};
/** Why a (non-placeholder) annotation value is not a role ARN, or undefined when it is one. */
function roleArnProblem(text) {
    const trimmed = text.trim();
    if (text !== trimmed) {
        const inner = roleArnProblem(trimmed);
        const suggestion = inner ? undefined : trimmed;
        if (/[\r\n]\s*$/.test(text))
            return { reason: 'ends with a line break (a YAML "|" block scalar keeps it; use a plain scalar or ">-")', ...(suggestion ? { suggestion } : {}) };
        return { reason: 'has leading or trailing whitespace', ...(suggestion ? { suggestion } : {}) };
    }
    if (/["'`]/.test(text)) {
        const unquoted = text.replace(/["'`]/g, '');
        return { reason: 'contains quote characters that become part of the ARN', ...(roleArnProblem(unquoted) ? {} : { suggestion: unquoted }) };
    }
    if (/\s/.test(text))
        return { reason: 'contains whitespace' };
    if (!text.startsWith('arn:')) {
        if (ROLE_NAME.test(text) && text.length <= MAX_ROLE_NAME) {
            return { reason: 'is a bare role name (only a self-hosted webhook started with --compose-role-arn expands it)', suggestion: `arn:aws:iam::<12-digit account>:role/${text}` };
        }
        return { reason: 'does not start with "arn:"' };
    }
    const fields = text.split(':');
    if (fields.length !== 6)
        return { reason: `has ${fields.length} ":"-separated fields instead of 6` };
    const [, partition, service, region, account, resource] = fields;
    if (!role_arn_invalid_PARTITIONS.has(partition))
        return { reason: `names the partition ${quoted(partition)}, which is not an AWS partition (aws, aws-cn, aws-us-gov, …)` };
    if (service !== 'iam') {
        const session = service === 'sts' && resource.startsWith('assumed-role/') ? ' (an assumed-role session, not the role)' : '';
        return { reason: `names the service ${quoted(service)} instead of "iam"${session}` };
    }
    if (region !== '')
        return { reason: `has the region ${quoted(region)}, but IAM ARNs have an empty region field (":iam::")` };
    if (!/^\d{12}$/.test(account))
        return { reason: `has the account ${quoted(account)}, which is not 12 digits${accountHint(account)}` };
    if (!resource.startsWith('role/')) {
        const type = resource.split('/')[0] ?? resource;
        return { reason: `names a ${quoted(type)} resource, not "role/"` };
    }
    const pathAndName = resource.slice('role'.length);
    const lastSlash = pathAndName.lastIndexOf('/');
    const path = pathAndName.slice(0, lastSlash + 1);
    const name = pathAndName.slice(lastSlash + 1);
    if (name === '')
        return { reason: 'has no role name after "role/"' };
    if (name.length > MAX_ROLE_NAME)
        return { reason: `has a role name of ${name.length} characters (IAM allows ${MAX_ROLE_NAME})` };
    if (!ROLE_NAME.test(name)) {
        const bad = [...new Set([...name].filter((character) => !ROLE_NAME_CHARACTER.test(character)))].join('');
        return { reason: `has the role name ${quoted(name)} with characters IAM does not allow (${quoted(bad)}; allowed: letters, digits and _+=,.@-)` };
    }
    if (path.length > MAX_ROLE_PATH || !ROLE_PATH.test(path))
        return { reason: `has the role path ${quoted(path)}, which IAM does not allow (a path is "/" or "/a/b/" of printable ASCII)` };
    if (!parseRoleArn(text))
        return { reason: 'does not have the form of an IAM role ARN' };
    return undefined;
}
function accountHint(account) {
    if (/^\d+(\.\d+)?e\+?\d+$/i.test(account))
        return ' (a number rendered in scientific notation: quote the account ID where it is templated)';
    if (/^\d{11}$/.test(account))
        return ' (a leading zero lost?)';
    return '';
}

;// CONCATENATED MODULE: ./src/rules/role-arn-placeholder.ts

const roleArnPlaceholder = {
    meta: {
        id: 'role-arn-placeholder',
        level: 'warning',
        description: 'The eks.amazonaws.com/role-arn annotation holds a placeholder instead of a role ARN: an AWS documentation account, an unrendered template or variable, a word such as ACCOUNT_ID, or nothing.',
        remediation: 'Render the template or substitute the variable before applying, or write the real role ARN with the account the role is in.',
    },
    *check(graph) {
        for (const sa of graph.facts.serviceAccounts) {
            const value = sa.roleArn;
            if (value?.kind !== 'known')
                continue;
            const placeholder = findRoleArnPlaceholder(value.value, sa.source);
            if (!placeholder)
                continue;
            const shown = value.value.trim() === '' ? '' : ` ${quoted(value.value)}`;
            const consequence = placeholder.documentationAccount
                ? `STS finds no such role of yours and answers AccessDenied; replace ${placeholder.documentationAccount} with the 12-digit ID of the account the role is in`
                : value.value.trim() === ''
                    ? 'the webhook injects no role and the pods fall back to the node role; set the role ARN or remove the annotation'
                    : 'the pods get it verbatim as AWS_ROLE_ARN and STS rejects it; render or substitute it before applying, or write the real role ARN';
            yield {
                location: value.location,
                message: `eks.amazonaws.com/role-arn${shown} of ${serviceAccountTitle(sa)} holds ${placeholder.description}: ${consequence}`,
                key: `${serviceAccountIdentity(sa)} placeholder:${value.value}`,
            };
        }
    },
};

;// CONCATENATED MODULE: ./src/rules/workload-env-blocks-injection.ts


const ROLE_ENV = 'AWS_ROLE_ARN';
const TOKEN_FILE_ENV = 'AWS_WEB_IDENTITY_TOKEN_FILE';
const STATIC_KEY_ENVS = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'];
/** The Kubernetes API token (audience: the API server), not the token the webhook projects for STS. */
const KUBERNETES_API_TOKEN = /^\/var\/run\/secrets\/kubernetes\.io\/serviceaccount\/token$|^\/run\/secrets\/kubernetes\.io\/serviceaccount\/token$/;
const workloadEnvBlocksInjection = {
    meta: {
        id: 'workload-env-blocks-injection',
        level: 'warning',
        description: "A container of a workload whose ServiceAccount has a role-arn annotation sets AWS_ROLE_ARN or AWS_WEB_IDENTITY_TOKEN_FILE itself (the webhook then injects neither) or static AWS keys, which the SDKs use before the web identity token.",
        remediation: 'Remove AWS_ROLE_ARN, AWS_WEB_IDENTITY_TOKEN_FILE and static AWS keys from the container env and let the EKS webhook inject the IRSA variables.',
    },
    *check(graph) {
        for (const workload of graph.facts.workloads) {
            const serviceAccount = graph.serviceAccountsOf(workload).find(hasRoleArn);
            if (!serviceAccount)
                continue;
            const skipped = skippedContainers(graph, workload);
            for (const container of workload.containers) {
                if (skipped.has(container.name))
                    continue;
                yield* webIdentityVariables(workload, container, serviceAccount);
                yield* staticKeys(workload, container, serviceAccount);
            }
        }
    },
};
function* webIdentityVariables(workload, container, sa) {
    const role = findEnv(container, ROLE_ENV);
    const tokenFile = findEnv(container, TOKEN_FILE_ENV);
    if (!role && !tokenFile)
        return;
    const who = `${containerTitle(container)} of ${objectTitle(workload)}`;
    const annotation = sa.roleArn;
    const saAt = `${serviceAccountTitle(sa)} (${formatLocation(annotation.location)})`;
    const related = [{ location: annotation.location, message: `the role-arn annotation of ${serviceAccountTitle(sa)}` }];
    const key = `${objectTitle(workload)} container:${container.name}`;
    const blocks = `with either variable set, the EKS webhook injects neither`;
    if (role?.value?.kind === 'known' && annotation.kind === 'known' && role.value.value.trim() !== annotation.value.trim()) {
        yield {
            location: role.location,
            message: `${who} sets ${ROLE_ENV} ${quoted(role.value.value)}, but its ${saAt} names ${quoted(annotation.value.trim())}; ${blocks}, so the pod asks for the other role: remove ${ROLE_ENV} from the env`,
            related,
            key: `${key} ${ROLE_ENV}`,
        };
        return;
    }
    if (tokenFile?.value?.kind === 'known' && KUBERNETES_API_TOKEN.test(tokenFile.value.value.trim())) {
        yield {
            location: tokenFile.location,
            message: `${who} points ${TOKEN_FILE_ENV} at the Kubernetes API token, whose audience STS refuses ("Incorrect token audience"), and ${blocks} for ${saAt}: remove ${TOKEN_FILE_ENV}${role ? ` and ${ROLE_ENV}` : ''} from the env`,
            related,
            key: `${key} ${TOKEN_FILE_ENV}`,
        };
        return;
    }
    if (role && tokenFile)
        return;
    const present = role ? ROLE_ENV : TOKEN_FILE_ENV;
    const absent = role ? TOKEN_FILE_ENV : ROLE_ENV;
    yield {
        location: (role ?? tokenFile).location,
        message: `${who} sets ${present} but not ${absent}; ${blocks}, so the SDK cannot use the web identity of ${saAt}: remove ${present} from the env`,
        related,
        key: `${key} ${present}`,
    };
}
function* staticKeys(workload, container, sa) {
    const keys = container.env.filter((env) => STATIC_KEY_ENVS.includes(env.name) && !(env.value?.kind === 'known' && env.value.value === ''));
    const first = keys[0];
    if (!first)
        return;
    const names = [...new Set(keys.map((env) => env.name))].join(' and ');
    const annotation = sa.roleArn;
    yield {
        location: first.location,
        message: `${containerTitle(container)} of ${objectTitle(workload)} sets ${names}, which the AWS SDKs use before the web identity token: ` +
            `the pod runs with these static keys instead of role ${quoted(valueText(annotation).trim())} of ${serviceAccountTitle(sa)} (${formatLocation(annotation.location)}); remove them from the env`,
        related: [{ location: annotation.location, message: `the role-arn annotation of ${serviceAccountTitle(sa)}` }],
        key: `${objectTitle(workload)} container:${container.name} static-keys`,
    };
}
function findEnv(container, name) {
    return container.env.find((env) => env.name === name);
}
function containerTitle(container) {
    return `${container.init ? 'init container' : 'container'} ${quoted(container.name)}`;
}
/** Containers the pod's `eks.amazonaws.com/skip-containers` annotation exempts from injection. */
function skippedContainers(graph, workload) {
    const object = objectOfWorkload(graph, workload);
    const annotation = object ? podAnnotations(object).find((candidate) => candidate.key === SKIP_CONTAINERS_ANNOTATION) : undefined;
    if (annotation?.value.kind !== 'known')
        return new Set();
    return new Set(annotation.value.value.split(',').map((name) => name.trim()));
}

;// CONCATENATED MODULE: ./src/rules/workload-service-account-missing.ts



const workloadServiceAccountMissing = {
    meta: {
        id: 'workload-service-account-missing',
        level: 'warning',
        description: 'A workload names a ServiceAccount that the scanned files do not define in its namespace, although they define it in another namespace, define a near-identical name, or define other ServiceAccounts of that namespace next to the workload.',
        remediation: 'Fix spec.serviceAccountName, or the ServiceAccount name or namespace, so that both name the same ServiceAccount.',
    },
    *check(graph) {
        const serviceAccounts = graph.facts.serviceAccounts;
        for (const workload of graph.facts.workloads) {
            const name = workload.serviceAccountName;
            if (name?.kind !== 'known' || name.value === '' || name.value === 'default')
                continue;
            if (graph.serviceAccountsOf(workload).length > 0)
                continue;
            if (serviceAccounts.some((sa) => couldBe(sa, workload.namespace, name.value)))
                continue;
            const finding = missing(workload, name, serviceAccounts);
            if (finding)
                yield finding;
        }
    },
};
function missing(workload, name, serviceAccounts) {
    const namespace = workload.namespace;
    const inNamespaceText = namespace.kind === 'known' ? `in namespace ${namespace.value}` : 'in its namespace';
    const head = `${objectTitle(workload)} runs as ServiceAccount ${quoted(name.value)}, which no scanned file defines ${inNamespaceText}`;
    const refused = 'the pods are refused until it exists';
    const key = `${objectTitle(workload)} sa:${name.value}`;
    const namedSa = serviceAccounts.filter((sa) => sa.name.kind === 'known');
    if (namespace.kind === 'known') {
        const elsewhere = namedSa.filter((sa) => sa.name.value === name.value && sa.namespace.kind === 'known' && sa.namespace.value !== namespace.value);
        if (elsewhere.length > 0) {
            const places = elsewhere.map((sa) => `namespace ${valueText(sa.namespace)} (${formatLocation(sa.location)})`).join(', ');
            return {
                location: name.location,
                message: `${head}, only in ${places}; ${refused}: make the namespaces of the workload and the ServiceAccount agree`,
                related: elsewhere.map((sa) => ({ location: sa.location, message: `ServiceAccount ${valueText(sa.namespace)}/${sa.name.value}` })),
                key,
            };
        }
    }
    const inNamespace = namedSa.filter((sa) => sameNamespace(sa.namespace, namespace));
    const similar = inNamespace.filter((sa) => workload_service_account_missing_nearMiss(sa.name.value, name.value));
    if (similar.length > 0) {
        const names = similar.map((sa) => `${quoted(sa.name.value)} (${formatLocation(sa.location)})`).join(' or ');
        return {
            location: name.location,
            message: `${head}; ${refused}: did you mean ${names}? Make spec.serviceAccountName and the ServiceAccount's name agree`,
            related: similar.map((sa) => ({ location: sa.location, message: `ServiceAccount ${sa.name.value}` })),
            key,
        };
    }
    const directory = external_node_path_namespaceObject.posix.dirname(workload.location.path);
    const besides = inNamespace.filter((sa) => external_node_path_namespaceObject.posix.dirname(sa.location.path) === directory);
    if (besides.length > 0) {
        const names = [...new Set(besides.map((sa) => sa.name.value))].join(', ');
        const where = directory === '.' ? 'the repository root' : `${directory}/`;
        return {
            location: name.location,
            message: `${head}, although ${where} defines the namespace's other ServiceAccounts (${names}); ${refused}: add it or fix spec.serviceAccountName`,
            related: besides.map((sa) => ({ location: sa.location, message: `ServiceAccount ${sa.name.value}` })),
            key,
        };
    }
    return undefined;
}
/** A ServiceAccount that may turn out to be the one named, once symbolic names or namespaces are resolved. */
function couldBe(sa, namespace, name) {
    const nameCompatible = sa.name.kind === 'symbolic' || sa.name.value === name;
    const namespaceCompatible = sa.namespace.kind === 'symbolic' || namespace.kind === 'symbolic' || sameNamespace(sa.namespace, namespace);
    return nameCompatible && namespaceCompatible;
}
function sameNamespace(a, b) {
    return a.kind === b.kind && valueText(a) === valueText(b);
}
/** One typo apart, or the same name with a kustomize-style prefix or suffix. */
function workload_service_account_missing_nearMiss(defined, wanted) {
    const allowed = Math.min(defined.length, wanted.length) >= 5 ? 2 : 1;
    if (editDistance(defined, wanted) <= allowed)
        return true;
    return defined.startsWith(`${wanted}-`) || defined.endsWith(`-${wanted}`) || wanted.startsWith(`${defined}-`) || wanted.endsWith(`-${defined}`);
}

;// CONCATENATED MODULE: ./src/rules/service-account-rules.ts







const serviceAccountRules = [
    roleArnInvalid,
    roleArnPlaceholder,
    annotationKeyTypo,
    annotationWrongObject,
    annotationValueInvalid,
    workloadServiceAccountMissing,
    workloadEnvBlocksInjection,
];

;// CONCATENATED MODULE: ./src/rules/helpers/eks-issuer.ts


/**
 * How EKS issuers, IAM OIDC provider ARNs and trust-policy condition keys go wrong when written by
 * hand (reference: irsa-failure-modes.md A2, A6, C2, D1-D3, J1, J3). The token a pod presents has
 * `iss = https://oidc.eks.<region>.amazonaws.com[.cn]/id/<ID>`; the provider ARN and the condition
 * keys name that issuer without the scheme.
 */
const PLACEHOLDERS = [
    /\$\{[^}]*\}/, // ${OIDC_PROVIDER}
    /\{\{[^}]*\}\}/, // {{ .Values.oidc }}
    /<[^<>]+>/, // <OIDC_ID>
    /\$[A-Za-z_]\w*/, // $oidc_provider
    /EXAMPLE[0-9A-Z]*/, // EXAMPLED539D4633E53DE1B716D3041E (the EKS docs)
    /\bregion-code\b/, // oidc.eks.region-code.amazonaws.com (the EKS docs)
    /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/, // OIDC_PROVIDER, CLUSTER_ID, ACCOUNT_ID
];
/** The first fragment of `text` that marks an unrendered template or a documentation example. */
function placeholderIn(text) {
    for (const pattern of PLACEHOLDERS) {
        const match = pattern.exec(text);
        if (match)
            return match[0];
    }
    return undefined;
}
/**
 * `oidc.eks.…`, or an AWS host with "oidc" and "eks" in it (`oidc.<region>.eks.amazonaws.com`,
 * `oidc-eks.<region>.api.aws`), with or without scheme and port. Self-hosted issuers
 * (`oidc.eks-prod.example.com`) are not EKS issuers.
 */
function looksLikeEksIssuer(text) {
    const host = withoutScheme(text).split('/')[0].replace(/:\d*$/, '').toLowerCase();
    if (host.startsWith('oidc.eks.'))
        return true;
    return /^oidc[.-]/.test(host) && host.includes('eks') && /\.(amazonaws\.com(\.cn)?|api\.aws)$/.test(host);
}
function withoutScheme(text) {
    return text.replace(/^https?:\/\//i, '');
}
const REGION = /^[a-z]{2,5}(-[a-z]+)+-\d{1,2}$/;
const ID = /^[0-9A-F]{32}$/;
/**
 * An EKS issuer as written in a provider ARN or a condition key (scheme allowed), judged against
 * `oidc.eks.<region>.amazonaws.com[.cn]/id/<ID>`. Call only when `looksLikeEksIssuer` and no
 * placeholder is in it.
 */
function analyseEksIssuer(text) {
    const problems = [];
    const scheme = /^https?:\/\//i.exec(text);
    if (scheme)
        problems.push(`starts with "${scheme[0]}"`);
    const rest = withoutScheme(text);
    const slash = rest.indexOf('/');
    let host = slash < 0 ? rest : rest.slice(0, slash);
    let path = slash < 0 ? '' : rest.slice(slash);
    const port = /:\d*$/.exec(host);
    if (port) {
        problems.push(`has a port ("${port[0]}")`);
        host = host.slice(0, port.index);
    }
    let region;
    let suffix;
    const canonical = /^oidc\.eks\.([^.]+)\.(.+)$/.exec(host);
    const reversed = /^oidc\.([^.]+)\.eks\.(.+)$/.exec(host);
    const dualStack = /^oidc-eks\.([^.]+)\.api\.aws$/.exec(host);
    if (canonical) {
        region = canonical[1];
        suffix = canonical[2];
    }
    else if (reversed) {
        problems.push(`has its host in the wrong order ("oidc.${reversed[1]}.eks", not "oidc.eks.${reversed[1]}")`);
        region = reversed[1];
        suffix = reversed[2];
    }
    else if (dualStack) {
        region = dualStack[1];
        problems.push(`uses the dual-stack host "${host}", but tokens name "oidc.eks.${region}.${dnsSuffixOfRegion(region) ?? 'amazonaws.com'}" as their issuer`);
    }
    else {
        problems.push(`has the host "${host}", not "oidc.eks.<region>.amazonaws.com"`);
    }
    if (region !== undefined && !REGION.test(region)) {
        problems.push(`names "${region}", which is not an AWS region`);
        region = undefined;
    }
    if (region !== undefined) {
        const expected = dnsSuffixOfRegion(region);
        if (expected === undefined) {
            // ISO and EUSC issuer hosts are not documented publicly: keep what is written.
        }
        else if (suffix === undefined) {
            suffix = expected;
        }
        else if (suffix !== expected) {
            problems.push(`ends in "${suffix}", but issuers of ${expected.endsWith('.cn') ? 'the China region ' : ''}${region} end in "${expected}"`);
            suffix = expected;
        }
    }
    if (path.length > 1 && path.endsWith('/')) {
        problems.push('ends with "/", which EKS issuers never do');
        path = path.replace(/\/+$/, '');
    }
    let id;
    const idPath = /^\/id\/([^/]+)$/.exec(path);
    const bareId = /^\/([^/]+)$/.exec(path);
    if (idPath)
        id = idPath[1];
    else if (bareId && bareId[1] !== 'id') {
        problems.push('lacks "/id/" before the cluster ID');
        id = bareId[1];
    }
    else if (path === '' || path === '/id') {
        problems.push('has no cluster ID ("/id/<ID>")');
    }
    else {
        problems.push(`has the path "${path}", not "/id/<cluster ID>"`);
    }
    const analysis = { problems };
    if (region !== undefined)
        analysis.region = region;
    if (id !== undefined) {
        analysis.id = id;
        if (!ID.test(id))
            analysis.unusualId = true;
    }
    if (region !== undefined && suffix !== undefined && id !== undefined)
        analysis.corrected = `oidc.eks.${region}.${suffix}/id/${id}`;
    return analysis;
}
/** `amazonaws.com.cn` in China, `amazonaws.com` in the commercial and GovCloud partitions; undefined elsewhere. */
function dnsSuffixOfRegion(region) {
    const partition = partitionOfRegion(region);
    if (partition === 'aws-cn')
        return 'amazonaws.com.cn';
    if (partition === 'aws' || partition === 'aws-us-gov')
        return 'amazonaws.com';
    return undefined;
}
const ARN = /^arn:([^:]*):([^:]*):([^:]*):([^:]*):(.*)$/s;
const PROVIDER_PREFIX_MISSPELLED = /^(oidc[-_]?provider|oidcprovider|oidc-providers|oidc)\//i;
/**
 * A Federated principal value judged as the ARN of an IAM OIDC provider
 * (`arn:<partition>:iam::<account>:oidc-provider/<issuer host/path>`). undefined when the value is
 * not meant as one: a SAML provider ARN or a domain name (`cognito-identity.amazonaws.com`).
 * `account` fills the suggestion when the value itself has none (the role's account, if known).
 */
function analyseFederated(value, account) {
    if (value.trim() === '')
        return { problems: ['is empty'] };
    if (value.includes(':saml-provider/'))
        return undefined;
    const placeholder = placeholderIn(value);
    if (placeholder !== undefined)
        return { problems: [], placeholder };
    const problems = [];
    const trimmed = value.trim();
    if (trimmed !== value)
        problems.push('has leading or trailing whitespace');
    let partition;
    let accountId = account;
    let hostPath;
    const arn = ARN.exec(trimmed);
    if (arn) {
        const [, arnPartition, service, arnRegion, arnAccount, resource] = arn;
        partition = arnPartition;
        if (!/^aws(-[a-z]+)*$/.test(arnPartition)) {
            problems.push(`has the partition "${arnPartition}", which is not an AWS partition`);
            partition = undefined;
        }
        if (service !== 'iam')
            problems.push(`names the service "${service}" where a provider ARN says "iam"`);
        if (arnRegion !== '')
            problems.push(`has the region "${arnRegion}" in the ARN, where IAM ARNs have none`);
        if (/^\d{12}$/.test(arnAccount))
            accountId = arnAccount;
        else
            problems.push(arnAccount === '' ? 'has no account ID' : `has the account "${arnAccount}", which is not 12 digits`);
        if (resource.startsWith('oidc-provider/')) {
            hostPath = resource.slice('oidc-provider/'.length);
        }
        else if (looksLikeEksIssuer(resource) || /oidc/i.test(resource)) {
            const misspelled = PROVIDER_PREFIX_MISSPELLED.exec(resource);
            problems.push(misspelled ? `has "${misspelled[0]}" where the ARN says "oidc-provider/"` : 'lacks "oidc-provider/" before the issuer');
            hostPath = misspelled ? resource.slice(misspelled[0].length) : resource;
        }
        else {
            const type = resource.split('/')[0];
            return { problems: [...problems, `names ${/^[aeiou]/i.test(type) ? 'an' : 'a'} ${type} ("${resource}"), not an OIDC provider`] };
        }
    }
    else if (/^https?:\/\//i.test(trimmed) || looksLikeEksIssuer(trimmed)) {
        problems.push('is the issuer, not the ARN of the IAM OIDC provider');
        hostPath = trimmed;
    }
    else {
        return undefined;
    }
    if (/^https?:\/\//i.test(hostPath) && arn)
        problems.push('contains "https://", which a provider ARN never does');
    let issuer = withoutScheme(hostPath);
    let region;
    const result = { problems };
    if (looksLikeEksIssuer(hostPath)) {
        const analysis = analyseEksIssuer(withoutScheme(hostPath));
        problems.push(...analysis.problems);
        issuer = analysis.corrected;
        region = analysis.region;
        if (analysis.unusualId && analysis.id !== undefined)
            result.unusualId = { id: analysis.id };
    }
    else if (/:\d*(\/|$)/.test(issuer)) {
        problems.push('has a port, which provider ARNs never do');
        issuer = issuer.replace(/:\d*(?=\/|$)/, '');
    }
    if (region !== undefined) {
        const expected = partitionOfRegion(region);
        if (partition === undefined)
            partition = expected;
        else if (partition !== expected) {
            problems.push(`is in the partition "${partition}" but ${region} belongs to "${expected}"`);
            partition = expected;
        }
    }
    if (issuer !== undefined) {
        result.issuer = issuer;
        if (partition !== undefined)
            result.corrected = `arn:${partition}:iam::${accountId ?? '<account-id>'}:oidc-provider/${issuer}`;
    }
    return result;
}
/**
 * A condition key judged as `<issuer host/path>:<claim>`. undefined for keys that are not about a
 * web-identity issuer (`aws:SourceIp`, `sts:RoleSessionName`, `saml:aud`). `claimHint` names the
 * claim to suggest when the key has none (from its values).
 */
function analyseConditionKey(key, claimHint) {
    const problems = [];
    let rest = key;
    const scheme = /^https?:\/\//i.exec(rest);
    if (scheme) {
        problems.push(`starts with "${scheme[0]}"`);
        rest = rest.slice(scheme[0].length);
    }
    const arn = /^arn:[^:]*:[^:]*:[^:]*:[^:]*:oidc-provider\//i.exec(rest) ?? /^arn:[^/]*\//i.exec(rest);
    if (arn) {
        problems.push('is built from the provider ARN');
        rest = withoutScheme(rest.slice(arn[0].length));
    }
    const lastSlash = rest.lastIndexOf('/');
    const lastColon = rest.lastIndexOf(':');
    const hasClaim = lastColon > lastSlash;
    let issuerPart = hasClaim ? rest.slice(0, lastColon) : rest;
    const claim = hasClaim ? rest.slice(lastColon + 1) : undefined;
    const issuerLike = scheme !== null || arn !== null || looksLikeEksIssuer(issuerPart);
    const claimLike = claim !== undefined && /^(sub|aud|amr)$/i.test(claim);
    if (!issuerLike && !claimLike)
        return undefined;
    if (!issuerLike && !issuerPart.includes('/')) {
        // `SAML:aud`, `cognito-identity.amazonaws.com:amr`, `token.actions.githubusercontent.com:sub`: other issuers' keys, unless a placeholder stands for the issuer.
        const placeholder = placeholderIn(issuerPart);
        return placeholder === undefined ? undefined : { problems: [], placeholder, ...(claim === undefined ? {} : { claim: claim.toLowerCase() }) };
    }
    const placeholder = placeholderIn(issuerPart);
    if (placeholder !== undefined)
        return { problems: [], placeholder, ...(claim === undefined ? {} : { claim: claim.toLowerCase() }) };
    let suffix = claim;
    if (looksLikeEksIssuer(issuerPart)) {
        const analysis = analyseEksIssuer(issuerPart);
        problems.push(...analysis.problems);
        if (analysis.corrected !== undefined)
            issuerPart = analysis.corrected;
        else
            return { problems, ...(claim === undefined ? {} : { claim: claim.toLowerCase() }) };
        if (claim === undefined) {
            problems.push('has no ":sub", ":aud" or ":amr" suffix naming the claim');
            suffix = claimHint;
        }
        else if (!claimLike) {
            problems.push(`ends in ":${claim}", which is not a claim IAM offers for an OIDC provider (":sub", ":aud" or ":amr")`);
            suffix = claimHint;
        }
    }
    const analysis = { problems, issuer: issuerPart };
    if (claim !== undefined)
        analysis.claim = claim.toLowerCase();
    if (suffix !== undefined)
        analysis.corrected = `${issuerPart}:${suffix}`;
    return analysis;
}
/** The claim a key's values suggest: subjects → sub, `sts.amazonaws.com` → aud. */
function claimSuggestedBy(values) {
    if (values.length === 0)
        return undefined;
    if (values.every((value) => value.startsWith('system:serviceaccount')))
        return 'sub';
    if (values.every((value) => /^sts\.amazonaws\.com/.test(value)))
        return 'aud';
    return undefined;
}
/** Issuers compare as IAM compares condition-key names: case-insensitively. */
function sameIssuer(a, b) {
    return a.toLowerCase() === b.toLowerCase();
}
/**
 * What a condition does when its key is absent from the request (IAM: false for positive
 * operators, true for negated ones, `…IfExists` and `ForAllValues:`), as a clause completing
 * "so the key never exists in the request and …".
 */
function whenKeyAbsent(operator) {
    const parsed = trust_parseOperator(operator);
    if (parsed.base === 'Null')
        return `the ${operator} check always finds it missing`;
    if (parsed.negated || parsed.ifExists || parsed.setPrefix === 'ForAllValues')
        return `this ${operator} condition is always true (it restricts nothing)`;
    return 'the condition is never true (STS refuses every token)';
}
/** `arn:<partition>:iam::<account>:oidc-provider/<issuer>`, the partition taken from the issuer's region. */
function providerArnFor(issuer, account) {
    const region = /^oidc\.eks\.([^.]+)\./.exec(issuer)?.[1];
    const partition = region === undefined ? 'aws' : partitionOfRegion(region);
    return `arn:${partition}:iam::${account ?? '<account-id>'}:oidc-provider/${issuer}`;
}

;// CONCATENATED MODULE: ./src/rules/condition-key-invalid.ts



const conditionKeyInvalid = {
    meta: {
        id: 'condition-key-invalid',
        level: 'error',
        description: 'A trust-policy condition key that never exists in an AssumeRoleWithWebIdentity request: "https://" or an "arn:" prefix, no ":sub"/":aud"/":amr" claim, a malformed EKS issuer host or path, an unrendered placeholder.',
        remediation: 'Write the key as the issuer host and path without "https://", then the claim: "oidc.eks.<region>.amazonaws.com/id/<ID>:sub".',
    },
    *check(graph) {
        for (const { role, policy } of trustPolicies(graph.facts.roles)) {
            for (const statement of policy.statements) {
                for (const entry of statement.condition?.entries ?? []) {
                    if (entry.key.kind !== 'known')
                        continue;
                    const values = entry.values.flatMap((value) => (value.kind === 'known' ? [value.value] : []));
                    const analysis = analyseConditionKey(entry.key.value, claimSuggestedBy(values));
                    if (!analysis || (analysis.placeholder === undefined && analysis.problems.length === 0))
                        continue;
                    yield {
                        location: entry.keyLocation,
                        message: messageFor(entry, statement, analysis),
                        key: `${statementKey(role, statement)} key:${entry.operator}:${entry.key.value}`,
                    };
                }
            }
        }
    },
};
function messageFor(entry, statement, analysis) {
    const written = `Condition key "${keyTextOf(entry)}" in ${describeStatement(statement)}`;
    const absent = `so it never exists in the request and ${whenKeyAbsent(entry.operator)}`;
    if (analysis.placeholder !== undefined) {
        return `${written} still holds the placeholder "${analysis.placeholder}", ${absent}; ${fixFromProvider(statement, analysis.claim)}`;
    }
    let fix;
    if (analysis.corrected !== undefined)
        fix = `write the key as "${analysis.corrected}"`;
    else if (analysis.issuer !== undefined)
        fix = `write "${analysis.issuer}:sub" to test the ServiceAccount or "${analysis.issuer}:aud" to test the audience`;
    else
        fix = fixFromProvider(statement, analysis.claim);
    return `${written} ${analysis.problems.join(', ')}, ${absent}; ${fix}`;
}
/** A suggestion built from the statement's Federated provider, which names the issuer the key must use. */
function fixFromProvider(statement, claim) {
    const suffix = claim === 'sub' || claim === 'aud' || claim === 'amr' ? claim : 'sub';
    for (const federated of federatedValues(statement)) {
        if (federated.kind !== 'known')
            continue;
        const issuer = analyseFederated(federated.value)?.issuer;
        if (issuer !== undefined)
            return `write the key as "${issuer}:${suffix}", the issuer of the statement's Federated provider`;
    }
    return `write the cluster's issuer without "https://", then the claim: "oidc.eks.<region>.amazonaws.com/id/<ID>:${suffix}"`;
}
function keyTextOf(entry) {
    return entry.key.kind === 'known' ? entry.key.value : entry.key.expression;
}

;// CONCATENATED MODULE: ./src/rules/helpers/policy-grammar.ts

/**
 * The IAM JSON policy grammar as far as a role trust policy uses it (IAM User Guide: "Grammar of
 * the IAM JSON policy language", "Condition operators", "Version").
 */
const POLICY_VERSIONS = ['2012-10-17', '2008-10-17'];
const DOCUMENT_KEYS = ['Version', 'Id', 'Statement'];
/** `Resource` / `NotResource` belong to the grammar but are prohibited in trust policies. */
const TRUST_STATEMENT_KEYS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Condition'];
const policy_grammar_PRINCIPAL_TYPES = ['AWS', 'Federated', 'Service', 'CanonicalUser'];
const EFFECTS = ['Allow', 'Deny'];
const BASE_OPERATORS = [
    'StringEquals',
    'StringNotEquals',
    'StringEqualsIgnoreCase',
    'StringNotEqualsIgnoreCase',
    'StringLike',
    'StringNotLike',
    'NumericEquals',
    'NumericNotEquals',
    'NumericLessThan',
    'NumericLessThanEquals',
    'NumericGreaterThan',
    'NumericGreaterThanEquals',
    'DateEquals',
    'DateNotEquals',
    'DateLessThan',
    'DateLessThanEquals',
    'DateGreaterThan',
    'DateGreaterThanEquals',
    'Bool',
    'BinaryEquals',
    'IpAddress',
    'NotIpAddress',
    'ArnEquals',
    'ArnLike',
    'ArnNotEquals',
    'ArnNotLike',
    'Null',
];
/** Every operator name IAM accepts: a base operator, optionally `ForAnyValue:`/`ForAllValues:` and `IfExists` (not on `Null`). */
const policy_grammar_CONDITION_OPERATORS = new Set(['', 'ForAnyValue:', 'ForAllValues:'].flatMap((prefix) => BASE_OPERATORS.flatMap((base) => (base === 'Null' ? [prefix + base] : [prefix + base, `${prefix}${base}IfExists`]))));
function isConditionOperator(operator) {
    return policy_grammar_CONDITION_OPERATORS.has(operator);
}
/**
 * The name among `candidates` that `written` most likely meant: the same letters in another case,
 * else the closest within two edits (ignoring case). undefined when nothing is close.
 */
function nearestName(written, candidates) {
    const lower = written.toLowerCase();
    let best;
    let bestDistance = 3;
    for (const candidate of candidates) {
        if (candidate.toLowerCase() === lower)
            return candidate;
        const distance = editDistance(lower, candidate.toLowerCase());
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}
function quotedList(names) {
    return names.map((name) => `"${name}"`).join(', ');
}
/** `statement 1 (Sid "A")` → `Statement 1 (Sid "A")`, to start a message. */
function capitalise(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

;// CONCATENATED MODULE: ./src/rules/condition-key-provider-mismatch.ts





const conditionKeyProviderMismatch = {
    meta: {
        id: 'condition-key-provider-mismatch',
        level: 'error',
        description: "A trust-policy condition key whose issuer is not the statement's Federated OIDC provider (another region, cluster ID or host), or one statement trusting several providers with conditions on one provider's keys.",
        remediation: "Write each key as the issuer of the statement's Federated provider (its ARN after \"oidc-provider/\"), and give each provider a statement of its own.",
    },
    *check(graph) {
        for (const { role, policy } of trustPolicies(graph.facts.roles)) {
            for (const statement of policy.statements) {
                const providers = condition_key_provider_mismatch_providersOf(statement);
                if (!providers)
                    continue;
                const keys = issuerKeysOf(statement);
                const key = statementKey(role, statement);
                for (const issuerKey of keys) {
                    if (providers.some((provider) => sameIssuer(provider.issuer, issuerKey.issuer)))
                        continue;
                    yield { ...mismatch(statement, issuerKey, providers), key: `${key} key:${issuerKey.text}` };
                }
                const several = severalProviders(statement, providers, keys);
                if (several)
                    yield { ...several, key: `${key} providers` };
            }
        }
    },
};
/** The statement's OIDC providers with the issuers they mean; undefined when any is unknown (symbolic, placeholder). */
function condition_key_provider_mismatch_providersOf(statement) {
    const federated = federatedValues(statement).filter(isOidcFederated);
    if (federated.length === 0)
        return undefined;
    const providers = [];
    for (const value of federated) {
        if (value.kind !== 'known')
            return undefined;
        const issuer = analyseFederated(value.value)?.issuer;
        if (issuer === undefined)
            return undefined;
        providers.push({ value, issuer });
    }
    return providers;
}
/** Condition keys that name an issuer and a claim (`<issuer>:sub`), with the issuer they mean once their own defects are fixed. */
function issuerKeysOf(statement) {
    const keys = [];
    for (const entry of statement.condition?.entries ?? []) {
        if (entry.key.kind !== 'known')
            continue;
        const text = entry.key.value;
        const analysis = analyseConditionKey(text);
        if (analysis?.placeholder !== undefined)
            continue;
        if (analysis?.issuer !== undefined && analysis.claim !== undefined) {
            keys.push({ entry, text, issuer: analysis.issuer, claim: analysis.claim });
            continue;
        }
        const claimed = /^(.+\..+):(sub|aud|amr)$/i.exec(text);
        if (!analysis && claimed && !claimed[1].includes(':'))
            keys.push({ entry, text, issuer: claimed[1], claim: claimed[2].toLowerCase() });
    }
    return keys;
}
function mismatch(statement, issuerKey, providers) {
    const written = `Condition key "${issuerKey.text}" in ${describeStatement(statement)}`;
    const absent = `so no token of ${providers.length === 1 ? 'that provider' : 'those providers'} carries the key and ${whenKeyAbsent(issuerKey.entry.operator)}`;
    const related = providers.map((provider) => ({ location: provider.value.location, message: `Federated provider ${provider.issuer}` }));
    if (providers.length === 1) {
        const provider = providers[0];
        const differs = difference(issuerKey.issuer, provider.issuer);
        const which = differs ? `is not for the statement's Federated provider "${provider.issuer}" (${formatLocation(provider.value.location)}; ${differs})` : `is for the issuer "${issuerKey.issuer}", not the statement's Federated provider "${provider.issuer}" (${formatLocation(provider.value.location)})`;
        return {
            location: issuerKey.entry.keyLocation,
            message: `${written} ${which}, ${absent}; write the key as "${provider.issuer}:${issuerKey.claim}" (or correct the Federated principal if the key names the right cluster)`,
            related,
        };
    }
    const names = providers.map((provider) => `"${provider.issuer}"`).join(', ');
    return {
        location: issuerKey.entry.keyLocation,
        message: `${written} is for the issuer "${issuerKey.issuer}", none of the statement's Federated providers (${names}), ${absent}; write the key with the issuer of the provider it is meant for`,
        related,
    };
}
/**
 * B5: all conditions of a statement must hold, and a token carries only its own issuer's keys, so a
 * positive condition on provider A's key refuses every token of provider B.
 */
function severalProviders(statement, providers, keys) {
    const distinct = [];
    for (const provider of providers)
        if (!distinct.some((other) => sameIssuer(other.issuer, provider.issuer)))
            distinct.push(provider);
    if (distinct.length < 2)
        return undefined;
    const restricting = keys.filter((issuerKey) => refusesWhenAbsent(issuerKey.entry.operator));
    const constrained = distinct.filter((provider) => restricting.some((issuerKey) => sameIssuer(issuerKey.issuer, provider.issuer)));
    if (constrained.length === 0)
        return undefined;
    const where = describeStatement(statement);
    const related = restricting
        .filter((issuerKey) => constrained.some((provider) => sameIssuer(provider.issuer, issuerKey.issuer)))
        .map((issuerKey) => ({ location: issuerKey.entry.keyLocation, message: `condition on ${issuerKey.text}` }));
    const names = distinct.map((provider) => `"${provider.issuer}"`).join(', ');
    if (constrained.length >= 2) {
        const second = constrained[1];
        return {
            location: second.value.location,
            message: `${capitalise(where)} trusts ${distinct.length} OIDC providers (${names}) and has conditions on the keys of ${constrained.length} of them; all conditions of a statement must hold and a token carries only its own issuer's keys, so no token passes; split it into one statement per provider, each with that provider's own conditions`,
            related,
        };
    }
    const only = constrained[0];
    const others = distinct.filter((provider) => provider !== only);
    const first = others[0];
    return {
        location: first.value.location,
        message: `${capitalise(where)} trusts ${distinct.length} OIDC providers (${names}) but its conditions test only keys of "${only.issuer}" (${formatLocation(only.value.location)}); tokens of ${others.map((provider) => `"${provider.issuer}"`).join(', ')} lack those keys, so STS refuses them; give each provider a statement of its own, with its own ":sub" and ":aud" conditions`,
        related,
    };
}
/** Operators that are false when the key is absent: the ones a token of another issuer cannot pass. */
function refusesWhenAbsent(operator) {
    const parsed = trust_parseOperator(operator);
    return !parsed.negated && !parsed.ifExists && parsed.setPrefix !== 'ForAllValues' && parsed.base !== 'Null';
}
const condition_key_provider_mismatch_EKS_ISSUER = /^oidc\.eks\.([^.]+)\.(amazonaws\.com(?:\.cn)?)\/id\/(.+)$/i;
/** What differs between two EKS issuers, for the message: region, DNS suffix, cluster ID. */
function difference(keyIssuer, providerIssuer) {
    const key = condition_key_provider_mismatch_EKS_ISSUER.exec(keyIssuer);
    const provider = condition_key_provider_mismatch_EKS_ISSUER.exec(providerIssuer);
    if (!key || !provider)
        return '';
    const parts = [];
    if (key[1].toLowerCase() !== provider[1].toLowerCase())
        parts.push(`region ${key[1]} instead of ${provider[1]}`);
    if (key[2].toLowerCase() !== provider[2].toLowerCase())
        parts.push(`domain ${key[2]} instead of ${provider[2]}`);
    if (key[3].toLowerCase() !== provider[3].toLowerCase())
        parts.push(`cluster ID ${key[3]} instead of ${provider[3]}`);
    return parts.join(', ');
}

;// CONCATENATED MODULE: ./src/rules/federated-principal-invalid.ts





const federatedPrincipalInvalid = {
    meta: {
        id: 'federated-principal-invalid',
        level: 'error',
        description: 'A Federated principal that is not the ARN of an EKS cluster\'s IAM OIDC provider: a URL or "https://" inside, "oidc.<region>.eks" host order, no "oidc-provider/" or "/id/", a partition or DNS suffix that does not fit the region, the dual-stack host, a documentation placeholder.',
        remediation: 'Write "arn:<partition>:iam::<account>:oidc-provider/oidc.eks.<region>.amazonaws.com/id/<ID>", the host and path of the cluster issuer without "https://".',
    },
    *check(graph) {
        for (const { role, policy } of trustPolicies(graph.facts.roles)) {
            const account = accountOf(role);
            for (const statement of policy.statements) {
                for (const federated of federatedValues(statement)) {
                    if (federated.kind !== 'known')
                        continue;
                    const analysis = analyseFederated(federated.value, account);
                    if (!analysis)
                        continue;
                    const written = `Federated principal "${federated.value}" in ${describeStatement(statement)}`;
                    const knownAccount = accountIn(federated.value) ?? account;
                    const key = `${statementKey(role, statement)} federated:${federated.value}`;
                    if (analysis.placeholder !== undefined) {
                        yield {
                            location: federated.location,
                            message: `${written} still holds the placeholder "${analysis.placeholder}", so it names no real provider; ${fixFromKeys(statement, knownAccount)}`,
                            key,
                        };
                    }
                    else if (analysis.problems.length > 0) {
                        const fix = analysis.corrected ? `write "${analysis.corrected}"` : fixFromKeys(statement, knownAccount);
                        yield {
                            location: federated.location,
                            message: `${written} ${analysis.problems.join(', ')}, so it never names the provider of an EKS token; ${fix}`,
                            key,
                        };
                    }
                    else if (analysis.unusualId) {
                        yield {
                            location: federated.location,
                            message: `${written} has the cluster ID "${analysis.unusualId.id}", which is not 32 uppercase hexadecimal characters like the IDs EKS issues; compare it with the cluster's issuer (aws eks describe-cluster --query cluster.identity.oidc.issuer)`,
                            level: 'warning',
                            key,
                        };
                    }
                }
            }
        }
    },
};
/** A suggestion built from the issuer the statement's condition keys name, else the generic form. */
function fixFromKeys(statement, account) {
    for (const entry of statement.condition?.entries ?? []) {
        if (entry.key.kind !== 'known')
            continue;
        const key = analyseConditionKey(entry.key.value);
        if (key?.issuer !== undefined && key.problems.length === 0 && looksLikeEksIssuer(key.issuer)) {
            return `write "${providerArnFor(key.issuer, account)}", the provider of the issuer its condition keys name`;
        }
    }
    return "write the ARN of the cluster's OIDC provider, \"arn:<partition>:iam::<account>:oidc-provider/\" then the issuer without \"https://\" (aws eks describe-cluster --query cluster.identity.oidc.issuer)";
}
/** The account of an ARN-shaped value, unless it is one the AWS documentation uses in examples. */
function accountIn(value) {
    const account = /^arn:[^:]*:[^:]*:[^:]*:(\d{12}):/.exec(value)?.[1];
    return account !== undefined && !DOCUMENTATION_ACCOUNTS.includes(account) ? account : undefined;
}
/** The role's account when its definition says, for the suggested ARN. */
function accountOf(role) {
    if (role.account?.kind === 'known' && /^\d{12}$/.test(role.account.value))
        return role.account.value;
    if (role.arn?.kind === 'known')
        return parseRoleArn(role.arn.value)?.account;
    return undefined;
}

;// CONCATENATED MODULE: ./src/rules/trust-policy-invalid.ts



const REJECTED = 'so IAM rejects the policy (MalformedPolicyDocument)';
const trustPolicyInvalid = {
    meta: {
        id: 'trust-policy-invalid',
        level: 'error',
        description: 'A trust policy that breaks the IAM policy grammar: duplicate keys, a missing Statement, Effect, Principal or Action, a Resource element, an unknown or mis-cased condition operator, an unknown Version or key.',
        remediation: 'Correct the element the finding names; IAM rejects the whole policy (MalformedPolicyDocument) until then.',
    },
    *check(graph) {
        for (const { role, policy } of trustPolicies(graph.facts.roles)) {
            yield* documentProblems(role, policy);
            for (const statement of policy.statements)
                yield* trust_policy_invalid_statementProblems(role, statement);
        }
    },
};
function* documentProblems(role, policy) {
    const key = `role:${role.label}`;
    if (!policy.hasStatement) {
        yield policy.statementLocation
            ? {
                location: policy.statementLocation,
                message: `"Statement" is neither a statement object nor an array of statements, ${REJECTED}; write "Statement": [{"Effect": "Allow", "Principal": {...}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {...}}]`,
                key: `${key} statement-shape`,
            }
            : {
                location: policy.location,
                message: `The trust policy has no "Statement", ${REJECTED}; add "Statement": [{"Effect": "Allow", "Principal": {...}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {...}}]`,
                key: `${key} statement-missing`,
            };
    }
    const version = policy.version;
    if (version?.kind === 'known' && !POLICY_VERSIONS.includes(version.value)) {
        yield {
            location: version.location,
            message: `Version "${version.value}" is not a policy language version (only "2012-10-17" and "2008-10-17" exist), ${REJECTED}; write "Version": "2012-10-17"`,
            key: `${key} version`,
        };
    }
    for (const unknown of policy.unknownKeys) {
        yield {
            location: unknown.location,
            message: `Unknown top-level key "${unknown.key}" (a policy has only ${quotedList(DOCUMENT_KEYS)}), ${REJECTED}; ${trust_policy_invalid_fixFor(unknown.key, DOCUMENT_KEYS)}`,
            key: `${key} key:${unknown.key}`,
        };
    }
}
function* trust_policy_invalid_statementProblems(role, statement) {
    const where = describeStatement(statement);
    const key = statementKey(role, statement);
    const at = (location, message, what) => ({ location, message, key: `${key} ${what}` });
    for (const unknown of statement.unknownKeys) {
        const fix = unknown.key === 'Resource' || unknown.key === 'NotResource' ? 'remove it' : trust_policy_invalid_fixFor(unknown.key, TRUST_STATEMENT_KEYS);
        yield at(unknown.location, `Unknown key "${unknown.key}" in ${where} (a trust-policy statement has only ${quotedList(TRUST_STATEMENT_KEYS)}), ${REJECTED}; ${fix}`, `key:${unknown.key}`);
    }
    const effect = statement.effect;
    if (!effect) {
        yield at(statement.location, `${capitalise(where)} has no "Effect", ${REJECTED}; add "Effect": "Allow"`, 'effect-missing');
    }
    else if (effect.kind === 'known' && !EFFECTS.includes(effect.value)) {
        const suggestion = nearestName(effect.value, EFFECTS) ?? 'Allow';
        yield at(effect.location, `"Effect": "${effect.value}" in ${where} is neither "Allow" nor "Deny" (case-sensitive), ${REJECTED}; write "Effect": "${suggestion}"`, 'effect');
    }
    if (!statement.principal && !statement.notPrincipal) {
        yield at(statement.location, `${capitalise(where)} has no "Principal", which every trust-policy statement needs, ${REJECTED}; add "Principal": {"Federated": "<OIDC provider ARN>"}`, 'principal-missing');
    }
    else if (statement.principal && statement.notPrincipal) {
        yield at(statement.notPrincipal.location, `${capitalise(where)} has both "Principal" and "NotPrincipal", ${REJECTED}; keep only "Principal"`, 'principal-both');
    }
    for (const [name, block] of [['Principal', statement.principal], ['NotPrincipal', statement.notPrincipal]]) {
        if (block)
            yield* trust_policy_invalid_principalProblems(block, name, where, key);
    }
    if (!statement.action && !statement.notAction) {
        yield at(statement.location, `${capitalise(where)} has no "Action", ${REJECTED}; add "Action": "sts:AssumeRoleWithWebIdentity"`, 'action-missing');
    }
    else if (statement.action && statement.notAction) {
        yield at(statement.notAction.location, `${capitalise(where)} has both "Action" and "NotAction", ${REJECTED}; keep only "Action"`, 'action-both');
    }
    if (statement.resource) {
        yield at(statement.resource.location, `${capitalise(where)} has a "${statement.resource.key}" element, which trust policies prohibit, so IAM rejects the policy ("Has prohibited field ${statement.resource.key}"); remove it (the role is the resource)`, 'resource');
    }
    const reported = new Set();
    for (const entry of statement.condition?.entries ?? []) {
        if (entry.operatorReference || isConditionOperator(entry.operator))
            continue;
        const place = `${entry.operatorLocation.line}:${entry.operatorLocation.column}`;
        if (reported.has(place))
            continue;
        reported.add(place);
        const withoutIfExists = entry.operator.replace(/IfExists$/, '');
        const suggestion = nearestName(entry.operator, policy_grammar_CONDITION_OPERATORS);
        const fix = withoutIfExists !== entry.operator && isConditionOperator(withoutIfExists)
            ? `write "${withoutIfExists}" ("${withoutIfExists}" takes no "IfExists")`
            : suggestion
                ? `write "${suggestion}"`
                : 'use an operator such as "StringEquals" or "StringLike" (names are case-sensitive)';
        yield at(entry.operatorLocation, `Condition operator "${entry.operator}" in ${where} is not an IAM operator, so IAM rejects the policy ("Invalid Condition type : ${entry.operator}"); ${fix}`, `operator:${entry.operator}`);
    }
}
function* trust_policy_invalid_principalProblems(block, name, where, key) {
    if (block.wildcard?.kind === 'known' && block.wildcard.value !== '*') {
        yield {
            location: block.wildcard.location,
            message: `"${name}": "${block.wildcard.value}" in ${where} is a string other than "*", ${REJECTED}; write "${name}": {"Federated": "${block.wildcard.value}"} (or the principal type it is)`,
            key: `${key} ${name}-string`,
        };
    }
    for (const entry of block.entries) {
        if (policy_grammar_PRINCIPAL_TYPES.includes(entry.type))
            continue;
        const suggestion = nearestName(entry.type, policy_grammar_PRINCIPAL_TYPES);
        yield {
            location: entry.typeLocation,
            message: `Principal type "${entry.type}" in ${where} is not one IAM knows (${quotedList(policy_grammar_PRINCIPAL_TYPES)}, case-sensitive), ${REJECTED}; ${suggestion ? `write "${suggestion}"` : 'use "Federated" for an OIDC provider'}`,
            key: `${key} ${name}-type:${entry.type}`,
        };
    }
}
function trust_policy_invalid_fixFor(written, names) {
    const suggestion = nearestName(written, names);
    return suggestion ? `write "${suggestion}"` : 'remove it';
}

;// CONCATENATED MODULE: ./src/rules/trust-policy-too-large.ts

/** IAM quota "Role trust policy length" (ACLSizePerRole): 2048 characters by default, raisable to 4096. Whitespace is not counted. */
const DEFAULT_TRUST_POLICY_QUOTA = 2048;
const MAX_TRUST_POLICY_QUOTA = 4096;
const trustPolicyTooLarge = {
    meta: {
        id: 'trust-policy-too-large',
        level: 'warning',
        description: `A trust policy longer than IAM's default quota of ${DEFAULT_TRUST_POLICY_QUOTA} characters without whitespace (an error above the maximum of ${MAX_TRUST_POLICY_QUOTA}).`,
        remediation: 'Shorten the policy (one statement per provider with a list of subjects, StringLike patterns, fewer ServiceAccounts per role), split the ServiceAccounts across roles, or raise the quota.',
    },
    *check(graph) {
        for (const { role, policy } of trustPolicies(graph.facts.roles)) {
            const length = policy.minifiedLength;
            if (length === undefined || length <= DEFAULT_TRUST_POLICY_QUOTA)
                continue;
            const overMaximum = length > MAX_TRUST_POLICY_QUOTA;
            const consequence = overMaximum
                ? `above the maximum quota of ${MAX_TRUST_POLICY_QUOTA}, so IAM rejects it in every account ("LimitExceeded: Cannot exceed quota for ACLSizePerRole")`
                : `above IAM's default quota of ${DEFAULT_TRUST_POLICY_QUOTA}, so IAM rejects it ("LimitExceeded: Cannot exceed quota for ACLSizePerRole: ${DEFAULT_TRUST_POLICY_QUOTA}") unless the account's quota was raised (to at most ${MAX_TRUST_POLICY_QUOTA})`;
            yield {
                location: policy.location,
                message: `The trust policy is ${length} characters without whitespace, ${consequence}; shorten it (${length - (overMaximum ? MAX_TRUST_POLICY_QUOTA : DEFAULT_TRUST_POLICY_QUOTA)} too many: merge subjects of one provider into one statement, use fewer ServiceAccounts per role) or split the ServiceAccounts across roles`,
                key: `role:${role.label} size`,
                ...(overMaximum ? { level: 'error' } : {}),
            };
        }
    },
};

;// CONCATENATED MODULE: ./src/rules/web-identity-action-missing.ts





const WEB_IDENTITY = 'sts:AssumeRoleWithWebIdentity';
const webIdentityActionMissing = {
    meta: {
        id: 'web-identity-action-missing',
        level: 'error',
        description: `An Allow statement with an OIDC Federated principal that does not allow "${WEB_IDENTITY}", the only action a ServiceAccount token calls (a wildcard or NotAction that allows it is a warning).`,
        remediation: `Write "Action": "${WEB_IDENTITY}" in the statement that names the OIDC provider.`,
    },
    *check(graph) {
        for (const { role, policy } of trustPolicies(graph.facts.roles)) {
            for (const statement of oidcStatements(policy)) {
                if (!isAllow(statement))
                    continue;
                // A reference that does not say "oidc" may stand for a SAML provider, whose action is another.
                const provider = federatedValues(statement).find((value) => (value.kind === 'known' ? isOidcFederated(value) : /oidc/i.test(value.expression)));
                if (!provider)
                    continue;
                const finding = actionProblem(statement, provider);
                if (finding)
                    yield { ...finding, key: `${statementKey(role, statement)} action` };
            }
        }
    },
};
function actionProblem(statement, provider) {
    const where = describeStatement(statement);
    const named = provider.kind === 'known' ? '' : ` ${describeValue(provider)}`;
    const trusts = `${capitalise(where)} trusts an OIDC provider${named} (Federated at ${formatLocation(provider.location)})`;
    const related = [{ location: provider.location, message: 'the OIDC provider this statement trusts' }];
    const refused = `so STS refuses every token ("Not authorized to perform ${WEB_IDENTITY}")`;
    if (statement.action) {
        const texts = knownTexts(statement.action.values);
        if (!texts)
            return undefined;
        if (texts.some((text) => text.toLowerCase() === WEB_IDENTITY.toLowerCase()))
            return undefined;
        const wildcard = texts.find((text) => web_identity_action_missing_actionMatches(text, WEB_IDENTITY));
        if (wildcard !== undefined) {
            return {
                location: statement.action.location,
                message: `${trusts} and allows "${WEB_IDENTITY}" only through the wildcard "${wildcard}", which names more than the one action a ServiceAccount token calls; write "Action": "${WEB_IDENTITY}"`,
                related,
                level: 'warning',
            };
        }
        const allowed = texts.length === 0 ? 'no action' : `only ${listed(texts)}`;
        const typo = texts.find((text) => nearestName(text, [WEB_IDENTITY]) !== undefined);
        const typoNote = typo !== undefined ? ` ("${typo}" looks like a misspelling of it)` : '';
        return {
            location: statement.action.location,
            message: `${trusts} but its Action allows ${allowed}, not "${WEB_IDENTITY}", the one action a ServiceAccount token calls${typoNote}, ${refused}; write "Action": "${WEB_IDENTITY}"`,
            related,
        };
    }
    if (statement.notAction) {
        const texts = knownTexts(statement.notAction.values);
        if (!texts)
            return undefined;
        const excluding = texts.find((text) => web_identity_action_missing_actionMatches(text, WEB_IDENTITY));
        if (excluding !== undefined) {
            return {
                location: statement.notAction.location,
                message: `${trusts} but its NotAction "${excluding}" excludes "${WEB_IDENTITY}", the one action a ServiceAccount token calls, ${refused}; replace NotAction with "Action": "${WEB_IDENTITY}"`,
                related,
            };
        }
        return {
            location: statement.notAction.location,
            message: `${trusts} and allows "${WEB_IDENTITY}" only through NotAction (every action but the ones listed); replace NotAction with "Action": "${WEB_IDENTITY}"`,
            related,
            level: 'warning',
        };
    }
    return undefined;
}
/** The texts of a list, or undefined when any of it is known only at apply time. */
function knownTexts(values) {
    const texts = [];
    for (const value of values) {
        if (value.kind !== 'known')
            return undefined;
        texts.push(value.value);
    }
    return texts;
}
/** IAM action matching: case-insensitive, `*` and `?` wildcards. */
function web_identity_action_missing_actionMatches(pattern, action) {
    const source = pattern
        .split('')
        .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
        .join('');
    return new RegExp(`^${source}$`, 'is').test(action);
}
function listed(texts) {
    const quoted = texts.map((text) => `"${text}"`);
    return quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

;// CONCATENATED MODULE: ./src/rules/trust-policy-rules.ts






const trustPolicyRules = [
    trustPolicyInvalid,
    trustPolicyTooLarge,
    federatedPrincipalInvalid,
    webIdentityActionMissing,
    conditionKeyInvalid,
    conditionKeyProviderMismatch,
];

;// CONCATENATED MODULE: ./src/rules/index.ts





const allRules = [...serviceAccountRules, ...trustPolicyRules, ...conditionRules, ...correlationRules, ...metaRules];
function ruleById(id) {
    return allRules.find((rule) => rule.meta.id === id);
}

;// CONCATENATED MODULE: ./src/model/tree.ts
/** The first entry with this key (exact case), or undefined. */
function entry(node, key) {
    if (node?.kind !== 'object')
        return undefined;
    return node.entries.find((candidate) => candidate.key === key);
}
function child(node, key) {
    return entry(node, key)?.value;
}
function childAt(node, path) {
    let current = node;
    for (const step of path) {
        if (current === undefined)
            return undefined;
        current = typeof step === 'number' ? (current.kind === 'array' ? current.items[step] : undefined) : child(current, step);
    }
    return current;
}
/** A scalar's known text, or undefined for anything else. */
function scalarText(node) {
    return node?.kind === 'scalar' && node.value.kind === 'known' && node.type !== 'null' ? node.value.value : undefined;
}

;// CONCATENATED MODULE: ./src/sources/policy-document.ts


const policy_document_DOCUMENT_KEYS = new Set(['Version', 'Id', 'Statement']);
const STATEMENT_KEYS = new Set(['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);
/**
 * Reads an IAM policy document from a located tree (JSON, YAML, a Terraform `jsonencode({...})`
 * object or `aws_iam_policy_document` data) into a PolicyDocument, as written. Any scalar may be
 * symbolic. Everything the document can express is left to the `trust-policy-invalid` rule
 * (missing Effect, a Resource, an unknown operator or Version); the findings returned here are
 * only what the document cannot show: duplicate keys, and an element whose shape IAM never
 * accepts (a statement that is not an object, an array Principal, an object where a list of
 * strings belongs). Where a key is written twice, a single-valued field takes the last (as JSON
 * readers do) and condition entries keep both. Never throws.
 */
function readPolicyDocument(root, origin, options = {}) {
    const reader = new PolicyReader(origin, options.ruleId ?? 'trust-policy-invalid');
    const document = reader.readDocument(root);
    reader.reportDuplicateKeys(root, []);
    return { document, findings: reader.findings };
}
/**
 * The length IAM counts against the trust-policy quota: the document without whitespace outside
 * strings. undefined when any part of the tree is symbolic.
 */
function minifiedLength(root) {
    const text = minifiedText(root);
    return text === undefined ? undefined : text.length;
}
/** The tree as compact JSON (duplicate keys kept, numbers as written); undefined when any part is symbolic. */
function minifiedText(node) {
    if (node.kind === 'scalar') {
        if (node.value.kind === 'symbolic')
            return undefined;
        if (node.type === 'string')
            return JSON.stringify(node.value.value);
        if (node.type === 'null')
            return 'null';
        return node.value.value;
    }
    const parts = [];
    if (node.kind === 'array') {
        for (const item of node.items) {
            const text = minifiedText(item);
            if (text === undefined)
                return undefined;
            parts.push(text);
        }
        return `[${parts.join(',')}]`;
    }
    for (const entry of node.entries) {
        if (entry.keyValue?.kind === 'symbolic')
            return undefined;
        const text = minifiedText(entry.value);
        if (text === undefined)
            return undefined;
        parts.push(`${JSON.stringify(entry.key)}:${text}`);
    }
    return `{${parts.join(',')}}`;
}
class PolicyReader {
    origin;
    ruleId;
    findings = [];
    constructor(origin, ruleId) {
        this.origin = origin;
        this.ruleId = ruleId;
    }
    readDocument(root) {
        const document = {
            location: root.location,
            origin: this.origin,
            hasStatement: false,
            statements: [],
            minifiedLength: minifiedLength(root),
            unknownKeys: [],
        };
        if (root.kind === 'scalar' && root.value.kind === 'symbolic') {
            document.hasStatement = true;
            document.symbolicStatements = [root.value];
            return document;
        }
        if (root.kind !== 'object') {
            this.report(root.location, `The policy document in ${this.origin} is ${describeKind(root)}, not a JSON object with Version and Statement`, 'document');
            return document;
        }
        const last = lastEntries(root);
        for (const item of root.entries) {
            if (!policy_document_DOCUMENT_KEYS.has(item.key))
                document.unknownKeys.push(keyAt(item));
            else if (last.get(item.key) !== item)
                continue;
            else if (item.key === 'Version')
                document.version = policy_document_valueOf(item.value);
            else if (item.key === 'Statement') {
                document.statementLocation = item.keyLocation;
                this.readStatements(item.value, document);
            }
        }
        return document;
    }
    readStatements(node, document) {
        if (node.kind === 'scalar' && node.value.kind === 'symbolic') {
            document.hasStatement = true;
            document.symbolicStatements = [node.value];
            return;
        }
        if (node.kind === 'object') {
            document.hasStatement = true;
            document.statements.push(this.readStatement(node, 0));
            return;
        }
        if (node.kind !== 'array')
            return;
        document.hasStatement = true;
        node.items.forEach((item, index) => {
            if (item.kind === 'object')
                document.statements.push(this.readStatement(item, index));
            else if (item.kind === 'scalar' && item.value.kind === 'symbolic')
                (document.symbolicStatements ??= []).push(item.value);
            else
                this.report(item.location, `Statement[${index}] in ${this.origin} is ${describeKind(item)}; each statement must be an object with Effect, Principal and Action`, `statement:${index}`);
        });
    }
    readStatement(node, index) {
        const statement = { index, location: node.location, unknownKeys: [] };
        const last = lastEntries(node);
        for (const item of node.entries) {
            if (!STATEMENT_KEYS.has(item.key)) {
                statement.unknownKeys.push(keyAt(item));
                continue;
            }
            if (last.get(item.key) !== item)
                continue;
            switch (item.key) {
                case 'Sid':
                    statement.sid = policy_document_valueOf(item.value);
                    break;
                case 'Effect':
                    statement.effect = policy_document_valueOf(item.value);
                    break;
                case 'Principal':
                    statement.principal = this.readPrincipal(item, index);
                    break;
                case 'NotPrincipal':
                    statement.notPrincipal = this.readPrincipal(item, index);
                    break;
                case 'Action':
                    statement.action = this.readValueList(item, `Statement[${index}].Action`);
                    break;
                case 'NotAction':
                    statement.notAction = this.readValueList(item, `Statement[${index}].NotAction`);
                    break;
                case 'Resource':
                case 'NotResource':
                    statement.resource ??= keyAt(item);
                    break;
                case 'Condition':
                    this.readCondition(item, statement);
                    break;
            }
        }
        return statement;
    }
    readPrincipal(item, index) {
        const block = { location: item.keyLocation, entries: [] };
        const node = item.value;
        if (node.kind === 'scalar') {
            block.wildcard = node.value;
            return block;
        }
        if (node.kind === 'array') {
            this.report(node.location, `Statement[${index}].${item.key} in ${this.origin} is an array; write "*" or an object such as {"Federated": "<provider ARN>"}`, `statement:${index}:${item.key}`);
            return block;
        }
        for (const typed of node.entries) {
            const entry = { type: typed.key, typeLocation: typed.keyLocation, values: this.readValues(typed.value, `Statement[${index}].${item.key}.${typed.key}`) };
            block.entries.push(entry);
        }
        return block;
    }
    readValueList(item, where) {
        return { location: item.keyLocation, values: this.readValues(item.value, where) };
    }
    /** A string or an array of strings (numbers and booleans as their text); other shapes are reported. */
    readValues(node, where) {
        if (node.kind === 'scalar')
            return [node.value];
        if (node.kind === 'object') {
            this.report(node.location, `${where} in ${this.origin} is an object; it must be a string or a list of strings`, where);
            return [];
        }
        const values = [];
        node.items.forEach((item, index) => {
            if (item.kind === 'scalar')
                values.push(item.value);
            else
                this.report(item.location, `${where}[${index}] in ${this.origin} is ${describeKind(item)}; it must be a string`, `${where}[${index}]`);
        });
        return values;
    }
    readCondition(item, statement) {
        const block = { location: item.keyLocation, entries: [] };
        statement.condition = block;
        const node = item.value;
        const where = `Statement[${statement.index}].Condition`;
        if (node.kind === 'scalar' && node.value.kind === 'symbolic') {
            ;
            (statement.symbolicConditions ??= []).push(node.value);
            return;
        }
        if (node.kind !== 'object') {
            this.report(node.location, `${where} in ${this.origin} is ${describeKind(node)}; it must be an object of operators such as {"StringEquals": {...}}`, where);
            return;
        }
        for (const operatorEntry of node.entries) {
            const operatorBlock = operatorEntry.value;
            const operatorWhere = `${where}.${operatorEntry.key}`;
            if (operatorBlock.kind === 'scalar' && operatorBlock.value.kind === 'symbolic') {
                ;
                (statement.symbolicConditions ??= []).push(operatorBlock.value);
                continue;
            }
            if (operatorBlock.kind !== 'object') {
                this.report(operatorBlock.location, `${operatorWhere} in ${this.origin} is ${describeKind(operatorBlock)}; an operator takes an object of condition keys such as {"<issuer>:sub": "system:serviceaccount:<namespace>:<name>"}`, operatorWhere);
                continue;
            }
            const operatorReference = operatorEntry.keyValue?.kind === 'symbolic' ? operatorEntry.keyValue : undefined;
            for (const keyed of operatorBlock.entries) {
                const entry = {
                    operator: operatorEntry.key,
                    operatorLocation: operatorEntry.keyLocation,
                    key: keyed.keyValue ?? known(keyed.key, keyed.keyLocation),
                    keyLocation: keyed.keyLocation,
                    values: this.readValues(keyed.value, `${operatorWhere}["${keyed.key}"]`),
                    valuesLocation: keyed.value.location,
                };
                if (operatorReference)
                    entry.operatorReference = operatorReference;
                block.entries.push(entry);
            }
        }
    }
    /** Every object of the tree, at every depth: a key written twice at the same level. */
    reportDuplicateKeys(node, path) {
        if (node.kind === 'array') {
            node.items.forEach((item, index) => this.reportDuplicateKeys(item, [...path, `[${index}]`]));
            return;
        }
        if (node.kind !== 'object')
            return;
        const firstByKey = new Map();
        for (const item of node.entries) {
            const first = firstByKey.get(item.key);
            if (first) {
                const where = path.length === 0 ? 'the top level' : path.join('').replace(/^\./, '');
                this.findings.push({
                    ruleId: this.ruleId,
                    location: item.keyLocation,
                    message: `Duplicate key "${item.key}" in ${where} of ${this.origin} (first at ${formatLocation(first)}): JSON readers keep only one of them, so the policy differs from what it looks like; merge or remove the duplicate`,
                    related: [{ location: first, message: `first "${item.key}"` }],
                    key: `duplicate-key ${this.origin} ${path.join('')}.${item.key}`,
                });
            }
            else {
                firstByKey.set(item.key, item.keyLocation);
            }
            this.reportDuplicateKeys(item.value, [...path, `.${item.key}`]);
        }
    }
    report(location, message, what) {
        this.findings.push({ ruleId: this.ruleId, location, message, key: `shape ${this.origin} ${what}` });
    }
}
/** A scalar's value; any other node as its compact JSON text, so that a value check names what was written. */
function policy_document_valueOf(node) {
    if (node.kind === 'scalar')
        return node.value;
    const text = minifiedText(node);
    return text === undefined ? symbolic(`(${describeKind(node)})`, node.location) : known(text, node.location);
}
/** The last entry of each key: where a key is written twice, JSON readers (JSON.parse, Go, Python) keep the last. */
function lastEntries(node) {
    return new Map(node.entries.map((item) => [item.key, item]));
}
function keyAt(item) {
    return { key: item.key, location: item.keyLocation };
}
function describeKind(node) {
    if (node.kind === 'object')
        return 'an object';
    if (node.kind === 'array')
        return 'an array';
    if (node.value.kind === 'symbolic')
        return 'a reference';
    if (node.type === 'null')
        return 'null';
    if (node.type !== 'string')
        return `the ${node.type} ${node.value.value}`;
    const text = node.value.value;
    return `the string ${JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}...` : text)}`;
}

;// CONCATENATED MODULE: ./src/sources/role-bindings.ts



const role_bindings_ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
/**
 * Binds plain trust-policy files to roles, in the order of the design: a `roles:` entry of the
 * config; an `aws iam create-role --role-name N --assume-role-policy-document file://P` command in
 * any script, Makefile or workflow; the file name. (Documents that carry their role, such as
 * `get-role` output or a CloudFormation role, are bound by the IAM JSON source before the script
 * and file-name steps.)
 */
class RoleBinder {
    config;
    byScript;
    constructor(config, files) {
        this.config = config;
        this.byScript = createRoleCommandBindings(files.filter((file) => file.kind === 'script'));
    }
    /** The `roles:` entry of the config for this file. */
    configured(path) {
        return configBinding(path, this.config);
    }
    /** The roles a plain trust-policy file without a role of its own belongs to (none when unbound). */
    bind(path) {
        const configured = this.configured(path);
        if (configured)
            return [configured];
        const scripted = this.byScript.get(path);
        if (scripted && scripted.length > 0)
            return scripted;
        const byName = fileNameBinding(path);
        return byName ? [byName] : [];
    }
}
function configBinding(path, config) {
    const entry = config.roles.find((role) => normaliseRepoPath(role.file) === path);
    if (!entry)
        return undefined;
    const location = fileLocation(path);
    const binding = { via: 'config', name: known(entry.name, location) };
    if (entry.path !== undefined)
        binding.path = known(entry.path, location);
    if (entry.account !== undefined)
        binding.account = known(entry.account, location);
    return binding;
}
const TRUST_SUFFIXES = [
    '-trust-relationship',
    '_trust_relationship',
    '-trust-policy',
    '_trust_policy',
    '.trust-policy',
    '-assume-role-policy',
    '_assume_role_policy',
    '-trust',
    '_trust',
    '.trust',
];
/** Names too generic to be a role's own name (`trust-policy.json`, `eks-trust.json`). */
const GENERIC_STEMS = new Set([
    'assume-role',
    'assumerole',
    'default',
    'doc',
    'document',
    'eks',
    'example',
    'federated',
    'iam',
    'index',
    'irsa',
    'main',
    'oidc',
    'policies',
    'policy',
    'role',
    'roles',
    'sample',
    'template',
    'trust',
    'web-identity',
    'webidentity',
]);
/**
 * The role a trust-policy file is named after: `N.json`, `N-trust.json`, `N-trust-policy.json`,
 * `N.trust.json`, `N-trust-relationship.json` (and `_` spellings). Generic names such as
 * `trust-policy.json`, `policy.json` or `irsa-trust.json` name no role.
 */
function roleNameFromFileName(path) {
    const base = external_node_path_namespaceObject.posix.basename(path);
    if (!/\.json$/i.test(base))
        return undefined;
    const stem = base.slice(0, -'.json'.length);
    const lower = stem.toLowerCase();
    const suffix = TRUST_SUFFIXES.find((candidate) => lower.endsWith(candidate));
    let name;
    if (suffix) {
        name = stem.slice(0, -suffix.length);
    }
    else {
        if (/trust|polic/i.test(stem))
            return undefined;
        name = stem;
    }
    if (!role_bindings_ROLE_NAME.test(name) || GENERIC_STEMS.has(name.toLowerCase()))
        return undefined;
    return name;
}
function fileNameBinding(path) {
    const name = roleNameFromFileName(path);
    return name === undefined ? undefined : { via: 'file-name', name: known(name, fileLocation(path)) };
}
/** `./a/../b.json` → `b.json`; undefined for paths that leave the repository. */
function normaliseRepoPath(path) {
    const normalised = external_node_path_namespaceObject.posix.normalize(path.replace(/\\/g, '/')).replace(/^\.\//, '');
    if (normalised === '..' || normalised.startsWith('../') || normalised.startsWith('/') || normalised === '.')
        return undefined;
    return normalised;
}
/** Bindings from every `aws iam create-role … file://P` command, by the repository path P may mean. */
function createRoleCommandBindings(scripts) {
    const bindings = new Map();
    for (const script of scripts) {
        const variables = simpleAssignments(script.text);
        for (const command of createRoleCommands(script)) {
            const name = command.roleName ? substitute(command.roleName.text, variables) : undefined;
            const document = command.policyDocument ? substitute(command.policyDocument.text, variables) : undefined;
            if (!command.roleName || name === undefined || !role_bindings_ROLE_NAME.test(name) || document === undefined)
                continue;
            const binding = { via: 'script', name: known(name, command.roleName.location) };
            const rolePath = command.path ? substitute(command.path.text, variables) : undefined;
            if (command.path && rolePath !== undefined)
                binding.path = known(rolePath, command.path.location);
            for (const target of policyFileCandidates(document, external_node_path_namespaceObject.posix.dirname(script.path))) {
                const list = bindings.get(target) ?? [];
                if (!list.some((existing) => sameBinding(existing, binding)))
                    list.push(binding);
                bindings.set(target, list);
            }
        }
    }
    return bindings;
}
function sameBinding(a, b) {
    const text = (value) => (value?.kind === 'known' ? value.value : undefined);
    return text(a.name) === text(b.name) && text(a.path) === text(b.path);
}
/**
 * `file://P` → the repository paths P may mean: relative to the script's directory, or to the
 * repository root (where CI jobs run). A leading `$PWD/`, `${GITHUB_WORKSPACE}/`,
 * `${{ github.workspace }}/` or `$(CURDIR)/` is taken as one of those two.
 */
function policyFileCandidates(argument, scriptDirectory) {
    const match = /^file:\/\/(.+)$/.exec(argument);
    if (!match)
        return [];
    let target = match[1];
    const variablePrefix = /^(\$\{\{[^}]*\}\}|\$\{[A-Za-z_][A-Za-z0-9_]*\}|\$\([A-Za-z_ ]+\)|\$[A-Za-z_][A-Za-z0-9_]*)\//.exec(target);
    if (variablePrefix)
        target = target.slice(variablePrefix[0].length);
    if (target.includes('$') || target.startsWith('/'))
        return [];
    const candidates = [normaliseRepoPath(external_node_path_namespaceObject.posix.join(scriptDirectory, target)), normaliseRepoPath(target)];
    return [...new Set(candidates.filter((candidate) => candidate !== undefined))];
}
const OPTION_NAMES = {
    '--role-name': 'roleName',
    '--assume-role-policy-document': 'policyDocument',
    '--path': 'path',
};
/** Every `… iam create-role …` command of a script, with the words of the options we read. */
function createRoleCommands(script) {
    const commands = [];
    if (!script.text.includes('create-role'))
        return commands;
    for (const line of logicalLines(script)) {
        if (!line.text.includes('create-role'))
            continue;
        const words = shellWords(line);
        for (let index = 1; index < words.length; index += 1) {
            if (wordText(words[index]) !== 'create-role' || wordText(words[index - 1]) !== 'iam')
                continue;
            const command = {};
            for (let at = index + 1; at < words.length; at += 1) {
                const word = words[at];
                if (typeof word === 'string') {
                    if (word === SEPARATOR)
                        break;
                    continue;
                }
                const equals = word.text.indexOf('=');
                const option = equals > 0 ? word.text.slice(0, equals) : word.text;
                const field = OPTION_NAMES[option];
                if (!field)
                    continue;
                if (equals > 0) {
                    command[field] = { text: word.text.slice(equals + 1), location: { ...word.location, column: word.location.column + equals + 1 } };
                }
                else {
                    const next = words[at + 1];
                    if (next && typeof next !== 'string') {
                        command[field] = next;
                        at += 1;
                    }
                }
            }
            commands.push(command);
        }
    }
    return commands;
}
const SEPARATOR = '<separator>';
function wordText(word) {
    return typeof word === 'object' ? word.text : undefined;
}
function locate(line, offset) {
    let part = line.parts[0];
    for (const candidate of line.parts)
        if (candidate.offset <= offset)
            part = candidate;
    return { path: line.path, line: part.line, column: offset - part.offset + 1 };
}
/** Physical lines joined where a line ends in a backslash continuation. */
function logicalLines(script) {
    const physical = script.text.split(/\r\n|\n|\r/);
    const lines = [];
    let current = { text: '', parts: [], path: script.path };
    physical.forEach((raw, index) => {
        const continued = /(^|[^\\])(\\\\)*\\$/.test(raw);
        current.parts.push({ offset: current.text.length, line: index + 1 });
        current.text += continued ? `${raw.slice(0, -1)} ` : raw;
        if (!continued) {
            lines.push(current);
            current = { text: '', parts: [], path: script.path };
        }
    });
    if (current.text)
        lines.push(current);
    return lines;
}
/**
 * Splits a command line into words the way a POSIX shell would for our purposes: quotes removed,
 * `$(…)`, `${…}` and `${{ … }}` kept whole inside a word, and `;` `&&` `||` `|` `&` `(` `)` as
 * separators (returned as the string SEPARATOR).
 */
function shellWords(line) {
    const words = [];
    const text = line.text;
    let at = 0;
    while (at < text.length) {
        const char = text[at];
        if (char === ' ' || char === '\t') {
            at += 1;
            continue;
        }
        if (char === '#')
            break;
        if (';&|()'.includes(char)) {
            words.push(SEPARATOR);
            at += 1;
            continue;
        }
        const start = at;
        let word = '';
        while (at < text.length) {
            const c = text[at];
            if (c === ' ' || c === '\t' || ';&|()'.includes(c))
                break;
            if (c === "'") {
                const end = text.indexOf("'", at + 1);
                const close = end < 0 ? text.length : end;
                word += text.slice(at + 1, close);
                at = close + 1;
            }
            else if (c === '"') {
                at += 1;
                while (at < text.length && text[at] !== '"') {
                    if (text[at] === '\\' && at + 1 < text.length && '"\\$`'.includes(text[at + 1]))
                        at += 1;
                    word += text[at];
                    at += 1;
                }
                at += 1;
            }
            else if (c === '\\' && at + 1 < text.length) {
                word += text[at + 1];
                at += 2;
            }
            else if (c === '$' && (text[at + 1] === '(' || text[at + 1] === '{')) {
                const end = matchingClose(text, at + 1);
                word += text.slice(at, end);
                at = end;
            }
            else {
                word += c;
                at += 1;
            }
        }
        words.push({ text: word, location: locate(line, start) });
    }
    return words;
}
/** The offset after the bracket that closes the one at `open`, counting nesting. */
function matchingClose(text, open) {
    const opening = text[open];
    const closing = opening === '(' ? ')' : '}';
    let depth = 0;
    for (let at = open; at < text.length; at += 1) {
        if (text[at] === opening)
            depth += 1;
        else if (text[at] === closing) {
            depth -= 1;
            if (depth === 0)
                return at + 1;
        }
    }
    return text.length;
}
/**
 * `NAME=value` (shell, `export`), `NAME := value` (make) and `NAME: value` (a workflow's `env:`)
 * assignments with one literal value in the whole file; a name assigned two different values is
 * left out.
 */
function simpleAssignments(text) {
    const values = new Map();
    const patterns = [
        /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=("[^"$`]*"|'[^']*'|[^\s"'$`;&|]*)\s*(?:#.*)?$/,
        /^([A-Za-z_][A-Za-z0-9_]*)\s*(?::=|::=|\?=|=)\s*([^\s$#]*)\s*(?:#.*)?$/,
        /^\s+([A-Z_][A-Z0-9_]*):\s*("[^"$]*"|'[^']*'|[^\s"'$#{}[\]]+)\s*(?:#.*)?$/,
    ];
    for (const line of text.split(/\r\n|\n|\r/)) {
        for (const pattern of patterns) {
            const match = pattern.exec(line);
            if (!match)
                continue;
            const name = match[1];
            const value = match[2].replace(/^(["'])(.*)\1$/, '$2');
            const previous = values.get(name);
            values.set(name, previous === undefined || previous === value ? value : null);
            break;
        }
    }
    const result = new Map();
    for (const [name, value] of values)
        if (value !== null)
            result.set(name, value);
    return result;
}
/** Replaces `$NAME`, `${NAME}`, `${NAME:-default}` and `$(NAME)` by known values; undefined if a variable stays unknown (except a leading directory variable of a `file://` path). */
function substitute(text, variables) {
    let unknown = false;
    const replaced = text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}|\$\(([A-Za-z_][A-Za-z0-9_]*)\)|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, braced, fallback, made, bare) => {
        const name = braced ?? made ?? bare ?? '';
        const value = variables.get(name) ?? fallback;
        if (value !== undefined)
            return value;
        unknown = true;
        return whole;
    });
    if (!unknown)
        return replaced;
    return /^file:\/\//.test(replaced) ? replaced : undefined;
}

;// CONCATENATED MODULE: ./src/sources/iam-json.ts







/**
 * IAM JSON files: a plain policy `{Version, Statement}`; `aws iam get-role` output (`{"Role": …}`,
 * also `list-roles` `Roles` and `get-account-authorization-details` `RoleDetailList`); a
 * CloudFormation `AWS::IAM::Role` resource or a JSON template's `Resources`; and
 * `aws iam create-role --cli-input-json` input (`{RoleName, AssumeRolePolicyDocument}`). Every
 * trust policy becomes a Role fact; permission policies are ignored.
 *
 * JSON that does not parse is a `trust-policy-invalid` error when the file is clearly a trust
 * policy (its name says `trust`, or it mentions `AssumeRolePolicyDocument`, `sts:AssumeRole`,
 * `Principal` or `Federated`: IAM would refuse it), and a `parse-error` warning otherwise.
 */
const iamJsonSource = {
    name: 'iam-json',
    kinds: ['iam-json'],
    read(files, context) {
        const binder = new RoleBinder(context.config, context.files);
        const result = emptyResult();
        for (const file of files)
            appendResult(result, readIamJsonFile(file, binder));
        return result;
    },
};
function readIamJsonFile(file, binder) {
    const result = emptyResult();
    const parsed = parseJsonTree(file.path, file.text);
    if (!parsed.ok) {
        const trustPolicy = looksLikeTrustPolicy(file);
        result.findings.push({
            ruleId: trustPolicy ? 'trust-policy-invalid' : 'parse-error',
            location: parsed.location,
            message: trustPolicy
                ? `${file.path} is not valid JSON: ${parsed.message}; IAM refuses it with "MalformedPolicyDocument: Syntax errors in policy"`
                : `Cannot parse ${file.path} as JSON: ${parsed.message}`,
            key: `json-syntax ${file.path}`,
        });
        return result;
    }
    const roles = [];
    const documents = roleDocuments(parsed.root, file.path);
    for (const found of documents) {
        const policy = policyTree(found, file.path);
        if (policy.finding)
            result.findings.push(policy.finding);
        let trustPolicy;
        if (policy.tree) {
            const read = readPolicyDocument(policy.tree, found.origin);
            if (!found.isTrustPolicy && !isTrustPolicy(read.document, file.path))
                continue;
            trustPolicy = read.document;
            result.findings.push(...read.findings);
        }
        roles.push(...rolesOf(found, trustPolicy, file.path, binder, documents.length === 1));
    }
    if (roles.length > 0)
        result.facts.roles = roles;
    return result;
}
function looksLikeTrustPolicy(file) {
    return /trust/i.test(file.path.split('/').pop() ?? '') || /AssumeRolePolicyDocument|sts:AssumeRole|"Principal"|"Federated"/.test(file.text);
}
/**
 * Whether a plain policy is a role trust policy. A permission policy has a Resource and no
 * Principal; a resource policy (S3 bucket, KMS key, SQS queue) has both a Principal and a Resource
 * but no STS action. A trust policy names a Principal without Resource, or allows an STS action
 * (then a Resource in it is the mistake the grammar rule reports).
 */
function isTrustPolicy(document, path) {
    const statements = document.statements;
    const hasPrincipal = statements.some((statement) => statement.principal || statement.notPrincipal);
    const hasResource = statements.some((statement) => statement.resource);
    const stsAction = statements
        .flatMap((statement) => [...(statement.action?.values ?? []), ...(statement.notAction?.values ?? [])])
        .some((action) => action.kind === 'known' && /^sts:(assumerole|tagsession|setsourceidentity|\*)/i.test(action.value));
    const trustName = /trust/i.test(path.split('/').pop() ?? '');
    if (hasPrincipal && !hasResource)
        return true;
    if (hasPrincipal)
        return stsAction || trustName;
    return !hasResource && (stsAction || trustName);
}
function roleDocuments(root, path) {
    if (root.kind !== 'object')
        return [];
    const getRole = child(root, 'Role');
    if (getRole?.kind === 'object' && child(getRole, 'AssumeRolePolicyDocument'))
        return [apiRole(getRole, path)];
    for (const listKey of ['Roles', 'RoleDetailList']) {
        const list = child(root, listKey);
        if (list?.kind === 'array') {
            return list.items.filter((item) => item.kind === 'object' && child(item, 'AssumeRolePolicyDocument') !== undefined).map((item) => apiRole(item, path));
        }
    }
    if (scalarText(child(root, 'Type')) === 'AWS::IAM::Role')
        return cloudFormationRole(root, undefined, root.location, path);
    const resources = child(root, 'Resources');
    if (resources?.kind === 'object') {
        return resources.entries.flatMap((resource) => resource.value.kind === 'object' && scalarText(child(resource.value, 'Type')) === 'AWS::IAM::Role' ? cloudFormationRole(resource.value, resource.key, resource.keyLocation, path) : []);
    }
    const document = child(root, 'AssumeRolePolicyDocument');
    if (document) {
        const found = { source: 'iam-json', location: root.location, policy: document, origin: path, isTrustPolicy: true };
        assignScalar(found, 'name', child(root, 'RoleName'));
        assignScalar(found, 'path', child(root, 'Path'));
        return [found];
    }
    if (child(root, 'Statement') || child(root, 'Version'))
        return [{ source: 'iam-json', location: root.location, policy: root, origin: path, isTrustPolicy: false }];
    return [];
}
/** A role as IAM's API returns it (`get-role`, `list-roles`, `get-account-authorization-details`). */
function apiRole(role, path) {
    const found = { source: 'iam-json', location: role.location, policy: child(role, 'AssumeRolePolicyDocument'), origin: path, isTrustPolicy: true };
    assignScalar(found, 'name', child(role, 'RoleName'));
    assignScalar(found, 'path', child(role, 'Path'));
    assignScalar(found, 'arn', child(role, 'Arn'));
    const inline = child(role, 'RolePolicyList');
    const attached = child(role, 'AttachedManagedPolicies');
    if (inline?.kind === 'array' && attached?.kind === 'array')
        found.permissionPolicyCount = inline.items.length + attached.items.length;
    return found;
}
function cloudFormationRole(resource, logicalId, location, path) {
    const properties = child(resource, 'Properties');
    const document = child(properties, 'AssumeRolePolicyDocument');
    if (properties?.kind !== 'object' || !document)
        return [];
    const origin = logicalId ? `${logicalId} in ${path}` : path;
    const found = { source: 'cloudformation', location, policy: withIntrinsicsAsReferences(document), origin, isTrustPolicy: true };
    if (logicalId)
        found.logicalId = logicalId;
    const roleName = child(properties, 'RoleName');
    if (roleName)
        assignScalar(found, 'name', withIntrinsicsAsReferences(roleName));
    else
        found.generatedName = { prefix: symbolic(`\${AWS::StackName}-${logicalId ?? 'Role'}-`, location), location };
    const rolePath = child(properties, 'Path');
    if (rolePath)
        assignScalar(found, 'path', withIntrinsicsAsReferences(rolePath));
    return [found];
}
function assignScalar(found, field, node) {
    if (node?.kind === 'scalar' && node.type !== 'null')
        found[field] = node.value;
}
/**
 * CloudFormation intrinsic functions (`{"Ref": …}`, `{"Fn::GetAtt": …}`, `{"Fn::Sub": …}`) are
 * values known only at deploy time: they become symbolic scalars. A `Fn::Sub` without `${…}` is
 * the literal it holds.
 */
function withIntrinsicsAsReferences(node) {
    if (node.kind === 'array')
        return { ...node, items: node.items.map(withIntrinsicsAsReferences) };
    if (node.kind !== 'object')
        return node;
    const only = node.entries.length === 1 ? node.entries[0] : undefined;
    if (only && (only.key === 'Ref' || only.key.startsWith('Fn::'))) {
        const text = scalarText(only.value);
        if (only.key === 'Fn::Sub' && text !== undefined && !text.includes('${'))
            return { kind: 'scalar', location: node.location, value: known(text, only.value.location), type: 'string' };
        const argument = text ?? compactArgument(only.value);
        return { kind: 'scalar', location: node.location, value: symbolic(`${only.key}(${argument})`, node.location), type: 'unknown' };
    }
    return { ...node, entries: node.entries.map((item) => ({ ...item, value: withIntrinsicsAsReferences(item.value) })) };
}
function compactArgument(node) {
    if (node.kind === 'scalar')
        return node.value.kind === 'known' ? node.value.value : node.value.expression;
    if (node.kind === 'array')
        return node.items.map(compactArgument).join(',');
    return node.entries.map((item) => `${item.key}:${compactArgument(item.value)}`).join(',');
}
/**
 * The policy as a tree: an object is itself; a string is JSON (as `create-role --cli-input-json`
 * takes it) or URL-encoded JSON (as IAM's API returns it), decoded and read with every location at
 * the string; a reference has no tree.
 */
function policyTree(found, path) {
    const node = found.policy;
    if (node.kind !== 'scalar')
        return { tree: node };
    if (node.value.kind === 'symbolic')
        return {};
    if (node.type !== 'string')
        return { finding: invalidDocument(found, node.location, `it is ${node.type === 'null' ? 'null' : `the ${node.type} ${node.value.value}`}, not a policy object or a JSON string`) };
    let text = node.value.value.trim();
    if (/^%7B/i.test(text)) {
        try {
            text = decodeURIComponent(text);
        }
        catch {
            return { finding: invalidDocument(found, node.location, 'it looks URL-encoded but does not decode') };
        }
    }
    const parsed = parseJsonTree(path, text, { fixedLocation: node.location });
    if (!parsed.ok)
        return { finding: invalidDocument(found, node.location, `the JSON in the string is invalid: ${parsed.message}`) };
    return { tree: parsed.root };
}
function invalidDocument(found, location, why) {
    return {
        ruleId: 'trust-policy-invalid',
        location,
        message: `The AssumeRolePolicyDocument of ${found.origin} cannot be read: ${why}; IAM refuses it with "MalformedPolicyDocument: Syntax errors in policy"`,
        key: `document-string ${found.origin}`,
    };
}
/** The Role facts of one document: bound by the config (files of one role), by itself, or by a script or its file name. */
function rolesOf(found, trustPolicy, path, binder, onlyRoleOfFile) {
    const configured = onlyRoleOfFile ? binder.configured(path) : undefined;
    const carriesRole = found.name !== undefined || found.generatedName !== undefined || found.arn !== undefined;
    const bindings = configured ? [configured] : carriesRole ? [undefined] : binder.bind(path);
    if (bindings.length === 0)
        bindings.push(undefined);
    return bindings.map((binding) => {
        const role = { source: found.source, location: found.location, label: '', arnReferences: [] };
        if (trustPolicy)
            role.trustPolicy = trustPolicy;
        if (found.permissionPolicyCount !== undefined)
            role.permissionPolicyCount = found.permissionPolicyCount;
        const name = binding?.name ?? found.name;
        const rolePath = binding ? binding.path : found.path;
        if (name)
            role.name = name;
        if (rolePath)
            role.path = rolePath;
        if (!binding && found.generatedName)
            role.generatedName = found.generatedName;
        if (!binding && found.arn) {
            role.arn = found.arn;
            const arn = found.arn.kind === 'known' ? parseRoleArn(found.arn.value) : undefined;
            if (arn) {
                role.account = known(arn.account, found.arn.location);
                role.partition = arn.partition;
            }
        }
        if (binding?.account)
            role.account = binding.account;
        role.label = labelOf(found, name, path);
        return role;
    });
}
function labelOf(found, name, path) {
    const where = found.logicalId ? `${found.logicalId} in ${path}` : path;
    if (name)
        return `role ${name.kind === 'known' ? name.value : `\${${name.expression}}`} (${where})`;
    if (found.logicalId)
        return `CloudFormation role ${found.logicalId} (${path})`;
    return `trust policy ${path}`;
}

;// CONCATENATED MODULE: ./src/sources/index.ts


const allSources = [kubernetesSource, iamJsonSource];

;// CONCATENATED MODULE: ./src/sources/same-resource.ts



/**
 * The same Terraform resource read from its `.tf` files (source `terraform`) and from a plan of
 * them (source `terraform-plan`) is one resource, so that it is checked once. A plan fact is the
 * same resource as a configuration fact with the same address (in the same root module, or the
 * only one with that address), else with the same natural key (a role's name, a
 * ServiceAccount's namespace and name, a provider's URL, a cluster's name), as long as no value
 * both know differs. The merged fact keeps the configuration's locations (the line to change) and
 * takes the values only the plan knows; several plans of one configuration (workspaces) give one
 * merged fact each.
 */
function mergeSameResources(facts) {
    return {
        ...facts,
        roles: mergeKind(facts.roles, roleNaturalKey, roleConflicts, mergeRole),
        serviceAccounts: mergeKind(facts.serviceAccounts, (sa) => namespacedKey(sa.namespace, sa.name), serviceAccountConflicts, mergeServiceAccount),
        objects: mergeKind(facts.objects, (object) => knownKey(object.kind, namespacedKey(object.namespace, object.name)), objectConflicts, mergeObject),
        oidcProviders: mergeKind(facts.oidcProviders, providerNaturalKey, (a, b) => conflict(a.arn, b.arn) || conflict(a.url, b.url, hostPathOf), mergeProvider),
        clusters: mergeKind(facts.clusters, (cluster) => same_resource_knownText(cluster.name), (a, b) => conflict(a.name, b.name) || conflict(a.issuer, b.issuer), mergeCluster),
        podIdentityAssociations: mergeKind(facts.podIdentityAssociations, (association) => namespacedKey(association.namespace, association.serviceAccount), (a, b) => conflict(a.namespace, b.namespace) || conflict(a.serviceAccount, b.serviceAccount) || conflict(a.roleArn, b.roleArn), mergePodIdentityAssociation),
    };
}
function mergeKind(items, naturalKey, conflicts, merge) {
    const configured = items.filter((item) => item.source === 'terraform');
    const planned = items.filter((item) => item.source === 'terraform-plan');
    if (configured.length === 0 || planned.length === 0)
        return items;
    const byAddress = groupBy(configured, (item) => item.terraform?.address);
    const byNaturalKey = groupBy(configured, naturalKey);
    const plansOf = new Map();
    const merged = new Set();
    for (const plan of planned) {
        const pick = (candidates) => {
            const compatible = (candidates ?? []).filter((candidate) => !conflicts(candidate, plan));
            const root = plan.terraform?.root;
            const sameRoot = root === undefined ? compatible : compatible.filter((candidate) => candidate.terraform?.root === root);
            return sameRoot.length === 1 ? sameRoot[0] : undefined;
        };
        const address = plan.terraform?.address;
        const key = naturalKey(plan);
        const match = (address !== undefined ? pick(byAddress.get(address)) : undefined) ?? (key !== undefined ? pick(byNaturalKey.get(key)) : undefined);
        if (!match)
            continue;
        const list = plansOf.get(match);
        if (list)
            list.push(plan);
        else
            plansOf.set(match, [plan]);
        merged.add(plan);
    }
    return items.flatMap((item) => {
        if (merged.has(item))
            return [];
        const plans = plansOf.get(item);
        return plans ? plans.map((plan) => merge(item, plan)) : [item];
    });
}
function groupBy(items, keyOf) {
    const groups = new Map();
    for (const item of items) {
        const key = keyOf(item);
        if (key === undefined)
            continue;
        const list = groups.get(key);
        if (list)
            list.push(item);
        else
            groups.set(key, [item]);
    }
    return groups;
}
/** The configuration's value where it is known; else the plan's known value, placed where the configuration writes the expression. */
function preferKnown(configured, planned) {
    if (configured?.kind === 'known')
        return configured;
    if (planned?.kind === 'known')
        return configured ? known(planned.value, configured.location) : planned;
    return configured ?? planned;
}
function required(configured, planned) {
    return preferKnown(configured, planned) ?? configured;
}
function conflict(a, b, normalise = (text) => text) {
    return a?.kind === 'known' && b?.kind === 'known' && normalise(a.value) !== normalise(b.value);
}
function same_resource_knownText(value) {
    return value?.kind === 'known' ? value.value : undefined;
}
function knownKey(...parts) {
    return parts.every((part) => part !== undefined) ? parts.join('/') : undefined;
}
function namespacedKey(namespace, name) {
    return knownKey(same_resource_knownText(namespace), same_resource_knownText(name));
}
const same_resource_lowerCase = (text) => text.toLowerCase();
const hostPathOf = (url) => issuerHostPath(url).replace(/\/+$/, '').toLowerCase();
function symbolicExpressions(...values) {
    return values.flatMap((value) => (value?.kind === 'symbolic' ? [value.expression] : []));
}
function unique(values) {
    return [...new Set(values)];
}
// Roles
function roleNaturalKey(role) {
    return same_resource_knownText(role.name)?.toLowerCase();
}
function roleConflicts(a, b) {
    return conflict(a.name, b.name, same_resource_lowerCase) || conflict(a.path, b.path) || conflict(a.account, b.account) || conflict(a.arn, b.arn);
}
function mergeRole(configured, planned) {
    const role = {
        ...configured,
        arnReferences: unique([...configured.arnReferences, ...planned.arnReferences, ...symbolicExpressions(configured.arn, planned.arn)]),
    };
    same_resource_assign(role, 'name', preferKnown(configured.name, planned.name));
    same_resource_assign(role, 'path', preferKnown(configured.path, planned.path));
    same_resource_assign(role, 'account', preferKnown(configured.account, planned.account));
    same_resource_assign(role, 'arn', preferKnown(configured.arn, planned.arn));
    const partition = configured.partition ?? planned.partition;
    if (partition !== undefined)
        role.partition = partition;
    if (!configured.generatedName && planned.generatedName && role.name?.kind !== 'known')
        role.generatedName = planned.generatedName;
    const trustPolicy = mergeTrustPolicy(configured.trustPolicy, planned.trustPolicy);
    if (trustPolicy)
        role.trustPolicy = trustPolicy;
    const count = configured.permissionPolicyCount ?? planned.permissionPolicyCount;
    if (count !== undefined)
        role.permissionPolicyCount = count;
    return role;
}
function same_resource_assign(target, key, value) {
    if (value === undefined)
        delete target[key];
    else
        target[key] = value;
}
// Trust policies
/**
 * The configuration's document with each unknown value the plan knows filled in, where the two
 * documents line up (same statements, condition entries matched by operator and key). When the
 * configuration cannot say what the statements are (a reference, dynamic blocks) or disagrees on
 * their number, the plan's document, if fully known, is what will be applied.
 */
function mergeTrustPolicy(configured, planned) {
    if (!configured || !planned)
        return configured ?? planned;
    if ((planned.symbolicStatements ?? []).length > 0 || !documentHasSymbolic(configured))
        return configured;
    const structureUnknown = (configured.symbolicStatements ?? []).length > 0 || configured.statements.some((statement) => (statement.symbolicConditions ?? []).length > 0);
    if (structureUnknown || configured.statements.length !== planned.statements.length)
        return documentHasSymbolic(planned) ? configured : planned;
    const merged = { ...configured, statements: configured.statements.map((statement, index) => mergeStatement(statement, planned.statements[index])) };
    same_resource_assign(merged, 'version', preferKnown(configured.version, planned.version));
    if (merged.minifiedLength === undefined && planned.minifiedLength !== undefined)
        merged.minifiedLength = planned.minifiedLength;
    return merged;
}
function documentHasSymbolic(document) {
    if ((document.symbolicStatements ?? []).length > 0 || document.version?.kind === 'symbolic')
        return true;
    return document.statements.some((statement) => {
        const values = [
            statement.sid,
            statement.effect,
            statement.principal?.wildcard,
            statement.notPrincipal?.wildcard,
            ...(statement.principal?.entries ?? []).flatMap((entry) => entry.values),
            ...(statement.notPrincipal?.entries ?? []).flatMap((entry) => entry.values),
            ...(statement.action?.values ?? []),
            ...(statement.notAction?.values ?? []),
            ...(statement.condition?.entries ?? []).flatMap((entry) => [entry.key, ...entry.values, ...(entry.operatorReference ? [entry.operatorReference] : [])]),
        ];
        return (statement.symbolicConditions ?? []).length > 0 || values.some((value) => value?.kind === 'symbolic');
    });
}
function mergeStatement(configured, planned) {
    const statement = { ...configured };
    same_resource_assign(statement, 'sid', preferKnown(configured.sid, planned.sid));
    same_resource_assign(statement, 'effect', preferKnown(configured.effect, planned.effect));
    same_resource_assign(statement, 'principal', mergePrincipal(configured.principal, planned.principal));
    same_resource_assign(statement, 'notPrincipal', mergePrincipal(configured.notPrincipal, planned.notPrincipal));
    same_resource_assign(statement, 'action', mergeValueList(configured.action, planned.action));
    same_resource_assign(statement, 'notAction', mergeValueList(configured.notAction, planned.notAction));
    same_resource_assign(statement, 'condition', mergeCondition(configured.condition, planned.condition));
    return statement;
}
function mergePrincipal(configured, planned) {
    if (!configured || !planned)
        return configured;
    const block = {
        ...configured,
        entries: configured.entries.map((entry) => {
            const other = planned.entries.filter((candidate) => candidate.type === entry.type);
            return other.length === 1 ? { ...entry, values: mergeValues(entry.values, other[0].values) } : entry;
        }),
    };
    same_resource_assign(block, 'wildcard', preferKnown(configured.wildcard, planned.wildcard));
    return block;
}
function mergeValueList(configured, planned) {
    return configured && planned ? { ...configured, values: mergeValues(configured.values, planned.values) } : configured;
}
function mergeCondition(configured, planned) {
    if (!configured || !planned)
        return configured;
    const used = new Set();
    const entries = configured.entries.map((entry) => {
        const candidates = planned.entries.filter((candidate) => !used.has(candidate) && (entry.operatorReference !== undefined || candidate.operator === entry.operator) && keyMatches(entry.key, candidate.key));
        if (candidates.length !== 1)
            return entry;
        const other = candidates[0];
        used.add(other);
        const merged = { ...entry, key: required(entry.key, other.key), values: mergeValues(entry.values, other.values) };
        if (entry.operatorReference && other.operatorReference === undefined) {
            merged.operator = other.operator;
            delete merged.operatorReference;
        }
        return merged;
    });
    return { ...configured, entries };
}
function keyMatches(configured, planned) {
    if (planned.kind !== 'known')
        return configured.kind === 'symbolic' && configured.expression === planned.expression;
    if (configured.kind === 'known')
        return configured.value.toLowerCase() === planned.value.toLowerCase();
    return templateMatches(configured, planned.value);
}
/**
 * Values of one element: a known value stays; an unknown one takes the plan's value at the same
 * position, or the one plan value its template fits; a lone reference to a whole list becomes the
 * plan's list.
 */
function mergeValues(configured, planned) {
    if (!configured.some((value) => value.kind === 'symbolic'))
        return [...configured];
    const plannedKnown = planned.filter((value) => value.kind === 'known');
    if (plannedKnown.length !== planned.length)
        return [...configured];
    const only = configured.length === 1 ? configured[0] : undefined;
    if (only?.kind === 'symbolic' && !only.expression.includes('${') && planned.length !== 1)
        return plannedKnown.map((value) => known(value.value, only.location));
    const taken = new Set(configured.flatMap((value) => (value.kind === 'known' ? [value.value] : [])));
    return configured.map((value, index) => {
        if (value.kind === 'known')
            return value;
        const same = configured.length === planned.length ? plannedKnown[index] : undefined;
        if (same && templateMatches(value, same.value))
            return known(same.value, value.location);
        const fitting = plannedKnown.filter((candidate) => !taken.has(candidate.value) && templateMatches(value, candidate.value));
        return fitting.length === 1 ? known(fitting[0].value, value.location) : value;
    });
}
/** Whether a known text may be what a symbolic value evaluates to: its literal parts in order, anything in its holes. */
function templateMatches(value, text) {
    if (value.kind === 'known')
        return value.value === text;
    const pattern = templateOf(value)
        .map((part) => ('text' in part ? part.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : '[\\s\\S]*'))
        .join('');
    return new RegExp(`^${pattern}$`).test(text);
}
// Kubernetes
function serviceAccountConflicts(a, b) {
    return conflict(a.namespace, b.namespace) || conflict(a.name, b.name) || conflict(a.roleArn, b.roleArn);
}
function mergeServiceAccount(configured, planned) {
    const sa = {
        ...configured,
        namespace: required(configured.namespace, planned.namespace),
        name: required(configured.name, planned.name),
        annotations: mergeAnnotations(configured.annotations, planned.annotations),
    };
    same_resource_assign(sa, 'roleArn', preferKnown(configured.roleArn, planned.roleArn));
    same_resource_assign(sa, 'audience', preferKnown(configured.audience, planned.audience));
    same_resource_assign(sa, 'stsRegionalEndpoints', preferKnown(configured.stsRegionalEndpoints, planned.stsRegionalEndpoints));
    same_resource_assign(sa, 'tokenExpiration', preferKnown(configured.tokenExpiration, planned.tokenExpiration));
    return sa;
}
function objectConflicts(a, b) {
    return a.kind !== b.kind || conflict(a.namespace, b.namespace) || conflict(a.name, b.name);
}
function mergeObject(configured, planned) {
    return {
        ...configured,
        namespace: required(configured.namespace, planned.namespace),
        name: required(configured.name, planned.name),
        annotations: mergeAnnotations(configured.annotations, planned.annotations),
    };
}
function mergeAnnotations(configured, planned) {
    const merged = configured.map((annotation) => {
        const other = planned.find((candidate) => candidate.key === annotation.key && candidate.where === annotation.where);
        return other ? { ...annotation, value: required(annotation.value, other.value) } : annotation;
    });
    const onlyPlanned = planned.filter((annotation) => !configured.some((candidate) => candidate.key === annotation.key && candidate.where === annotation.where));
    return [...merged, ...onlyPlanned];
}
// AWS
function providerNaturalKey(provider) {
    const url = same_resource_knownText(provider.url);
    return url === undefined ? same_resource_knownText(provider.arn) : hostPathOf(url);
}
function mergeProvider(configured, planned) {
    const provider = {
        ...configured,
        clientIds: mergeValues(configured.clientIds, planned.clientIds),
        arnReferences: unique([...configured.arnReferences, ...planned.arnReferences, ...symbolicExpressions(configured.arn, planned.arn)]),
    };
    same_resource_assign(provider, 'arn', preferKnown(configured.arn, planned.arn));
    same_resource_assign(provider, 'url', preferKnown(configured.url, planned.url));
    same_resource_assign(provider, 'clientIdsLocation', configured.clientIdsLocation ?? planned.clientIdsLocation);
    return provider;
}
function mergeCluster(configured, planned) {
    const cluster = { ...configured, name: required(configured.name, planned.name) };
    same_resource_assign(cluster, 'issuer', preferKnown(configured.issuer, planned.issuer));
    same_resource_assign(cluster, 'region', preferKnown(configured.region, planned.region));
    same_resource_assign(cluster, 'account', preferKnown(configured.account, planned.account));
    return cluster;
}
function mergePodIdentityAssociation(configured, planned) {
    const association = {
        ...configured,
        namespace: required(configured.namespace, planned.namespace),
        serviceAccount: required(configured.serviceAccount, planned.serviceAccount),
        roleArn: required(configured.roleArn, planned.roleArn),
    };
    same_resource_assign(association, 'cluster', preferKnown(configured.cluster, planned.cluster));
    return association;
}

;// CONCATENATED MODULE: ./src/check.ts











/** The engine: discover → sources → graph → rules → findings. Knows nothing of GitHub or AWS. */
async function check(options) {
    const config = options.config ?? defaultConfig();
    const discovery = await discover(options.root, { include: config.include, exclude: config.exclude, maxFileBytes: config.maxFileBytes });
    const sourceFindings = [...discovery.findings];
    const files = [];
    for (const candidate of discovery.candidates) {
        const decoded = readCandidate(candidate, config.maxFileBytes);
        if (!decoded.ok) {
            if (decoded.finding)
                sourceFindings.push(decoded.finding);
            continue;
        }
        const kind = classify(candidate.path, decoded.text);
        if (kind !== 'ignored')
            files.push({ path: candidate.path, kind, text: decoded.text });
    }
    return analyse(files, discovery.candidates.length, config, { ...options, discoveryFindings: sourceFindings });
}
/** Everything after reading files: exported for callers that already hold file texts (bench, workers). */
function analyse(files, filesSeen, config, options = {}) {
    const facts = emptyFacts();
    const findings = [...(options.discoveryFindings ?? [])];
    const suppressions = [];
    const context = { config, files };
    const byKind = groupByKind(files);
    for (const source of allSources) {
        const mine = source.kinds.flatMap((kind) => byKind.get(kind) ?? []);
        if (mine.length === 0)
            continue;
        const result = source.read(mine, context);
        mergeFacts(facts, result.facts);
        findings.push(...result.findings);
        suppressions.push(...result.suppressions);
    }
    if (options.extraFacts)
        mergeFacts(facts, options.extraFacts);
    const graph = new Graph(mergeSameResources(facts));
    const scan = { relevantFiles: files.filter((file) => file.kind !== 'script').length, filesSeen, include: config.include };
    const ruleContext = { config, scan, suppressions };
    const rules = [...allRules, ...(options.extraRules ?? [])];
    for (const rule of rules) {
        if (config.rules[rule.meta.id] === 'off')
            continue;
        for (const draft of rule.check(graph, ruleContext))
            findings.push({ ...draft, ruleId: rule.meta.id });
    }
    const metaById = new Map(rules.map((rule) => [rule.meta.id, rule.meta]));
    const result = [];
    const seen = new Set();
    for (const draft of findings) {
        const setting = config.rules[draft.ruleId];
        if (setting === 'off')
            continue;
        if (isSuppressed(draft, suppressions))
            continue;
        const level = setting ?? draft.level ?? metaById.get(draft.ruleId)?.level ?? 'warning';
        const finding = {
            ruleId: draft.ruleId,
            level,
            message: draft.message,
            location: draft.location,
            related: draft.related ?? [],
            fingerprint: fingerprint(draft),
        };
        const identity = `${finding.ruleId}|${finding.location.path}|${finding.location.line}|${finding.message}`;
        if (seen.has(identity))
            continue;
        seen.add(identity);
        result.push(finding);
    }
    result.sort(compareFindings);
    return { findings: result, rules: rules.map((rule) => rule.meta), graph, scan };
}
function groupByKind(files) {
    const byKind = new Map();
    for (const file of files) {
        const list = byKind.get(file.kind);
        if (list)
            list.push(file);
        else
            byKind.set(file.kind, [file]);
    }
    return byKind;
}
function isSuppressed(finding, suppressions) {
    return suppressions.some((suppression) => suppression.reason !== undefined &&
        suppression.location.path === finding.location.path &&
        finding.location.line >= suppression.fromLine &&
        finding.location.line <= suppression.toLine &&
        (suppression.ruleIds.includes(finding.ruleId) || suppression.ruleIds.includes('all')));
}
/** Stable across unrelated edits: rule, file and what the finding is about, never the line. */
function fingerprint(finding) {
    return (0,external_node_crypto_namespaceObject.createHash)('sha256')
        .update(`${finding.ruleId}\0${finding.location.path}\0${finding.key ?? finding.message}`)
        .digest('hex')
        .slice(0, 32);
}
function compareFindings(a, b) {
    return (levelRank(b.level) - levelRank(a.level) ||
        a.location.path.localeCompare(b.location.path) ||
        a.location.line - b.location.line ||
        a.location.column - b.location.column ||
        a.ruleId.localeCompare(b.ruleId));
}

;// CONCATENATED MODULE: ./src/config-file.ts






/** Looked up at the repository root, in this order, when no config file is named. */
const CONFIG_FILE_NAMES = ['.irsa-guard.yml', '.irsa-guard.yaml'];
const RULE_SETTINGS = ['error', 'warning', 'note', 'off'];
const TOP_LEVEL_KEYS = ['include', 'exclude', 'rules', 'clusters', 'roles', 'helm', 'maxFileBytes'];
const CLUSTER_KEYS = ['name', 'account', 'region', 'issuer'];
const ROLE_KEYS = ['file', 'name', 'account', 'path'];
const HELM_KEYS = ['releases'];
const RELEASE_KEYS = ['chart', 'name', 'namespace', 'values'];
const ACCOUNT = /^\d{12}$/;
const config_file_REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const config_file_ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
/** The config file at the repository root, if there is one. */
async function findConfigFile(root) {
    for (const name of CONFIG_FILE_NAMES) {
        const candidate = external_node_path_default().join(root, name);
        const info = await (0,promises_namespaceObject.stat)(candidate).catch(() => undefined);
        if (info?.isFile())
            return candidate;
    }
    return undefined;
}
/** Reads and validates a config file; any problem is a ConfigError with one line naming the file and line. */
async function loadConfigFile(absolutePath, options) {
    let text;
    try {
        text = await (0,promises_namespaceObject.readFile)(absolutePath, 'utf8');
    }
    catch (error) {
        const code = error.code;
        const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : String(code ?? error);
        throw new ConfigError(`${options.displayPath}: cannot read config file: ${reason}`);
    }
    return parseConfig(text, options);
}
/** Validates the text of a `.irsa-guard.yml`; an empty file is the default config. */
function parseConfig(text, options) {
    const lineCounter = new dist/* LineCounter */.HN();
    const document = (0,dist/* parseDocument */.Tp)(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
    const reader = new ConfigReader(text, document, lineCounter, options);
    const firstError = document.errors[0];
    if (firstError) {
        const line = firstError.linePos?.[0].line ?? 1;
        const reason = firstError.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
        throw new ConfigError(`${options.displayPath}:${line}: invalid YAML: ${reason}`);
    }
    return reader.read();
}
class ConfigReader {
    text;
    document;
    lineCounter;
    options;
    knownRuleIds;
    constructor(text, document, lineCounter, options) {
        this.text = text;
        this.document = document;
        this.lineCounter = lineCounter;
        this.options = options;
        this.knownRuleIds = options.knownRuleIds ?? allRules.map((rule) => rule.meta.id);
    }
    read() {
        const config = defaultConfig();
        const root = this.resolve(this.document.contents);
        if (root === null || ((0,dist/* isScalar */.jn)(root) && (root.value === null || root.value === undefined)))
            return config;
        const map = this.mapping(root, '');
        for (const pair of map.items) {
            const key = this.keyOf(pair, '', TOP_LEVEL_KEYS);
            const value = this.resolve(pair.value);
            switch (key) {
                case 'include':
                    config.include = this.globs(value, pair, 'include');
                    break;
                case 'exclude':
                    config.exclude = this.globs(value, pair, 'exclude');
                    break;
                case 'rules':
                    config.rules = this.rules(value, pair);
                    break;
                case 'clusters':
                    config.clusters = this.list(value, pair, 'clusters').map(([item, at]) => this.cluster(item, at));
                    break;
                case 'roles':
                    config.roles = this.list(value, pair, 'roles').map(([item, at]) => this.role(item, at));
                    break;
                case 'helm':
                    config.helm = { releases: this.helm(value, pair) };
                    break;
                case 'maxFileBytes':
                    config.maxFileBytes = this.positiveInteger(value, pair, 'maxFileBytes');
                    break;
            }
        }
        return config;
    }
    globs(node, owner, at) {
        if ((0,dist/* isScalar */.jn)(node) && typeof node.value === 'string')
            return [this.nonEmptyString(node, owner, at)];
        return this.list(node, owner, at).map(([item, itemAt]) => this.nonEmptyString(item, owner, itemAt));
    }
    rules(node, owner) {
        const map = this.mapping(node, 'rules', owner);
        const rules = {};
        for (const pair of map.items) {
            const id = this.keyText(pair, 'rules');
            const at = `rules.${id}`;
            if (!this.knownRuleIds.includes(id))
                this.fail(pair.key, at, `unknown rule id${didYouMean(id, this.knownRuleIds)}`);
            const value = this.resolve(pair.value);
            // `off` is a string in YAML 1.2, but people also write `false`.
            if ((0,dist/* isScalar */.jn)(value) && value.value === false) {
                rules[id] = 'off';
                continue;
            }
            const setting = (0,dist/* isScalar */.jn)(value) && typeof value.value === 'string' ? value.value : undefined;
            if (!setting || !RULE_SETTINGS.includes(setting)) {
                this.fail(value ?? pair.key, at, `must be one of ${RULE_SETTINGS.join(', ')} (got ${this.shown(value)})`);
            }
            rules[id] = setting;
        }
        return rules;
    }
    cluster(node, at) {
        const fields = this.fields(node, at, CLUSTER_KEYS);
        const cluster = { name: this.requiredString(node, fields, 'name', at) };
        const account = fields.get('account');
        if (account)
            cluster.account = this.account(account, `${at}.account`);
        const region = fields.get('region');
        if (region) {
            cluster.region = this.nonEmptyString(region.value, region.pair, `${at}.region`);
            if (!config_file_REGION.test(cluster.region))
                this.fail(region.value, `${at}.region`, `"${cluster.region}" is not an AWS region (like us-east-1)`);
        }
        const issuer = fields.get('issuer');
        if (issuer) {
            const text = this.nonEmptyString(issuer.value, issuer.pair, `${at}.issuer`);
            const parsed = text.startsWith('https://') ? parseEksIssuerHostPath(text.slice('https://'.length)) : undefined;
            if (!parsed) {
                this.fail(issuer.value, `${at}.issuer`, `"${text}" is not an EKS issuer (https://oidc.eks.<region>.amazonaws.com/id/<ID>)`);
            }
            if (cluster.region && parsed.region !== cluster.region) {
                this.fail(issuer.value, `${at}.issuer`, `the issuer's region ${parsed.region} is not the cluster's region ${cluster.region}`);
            }
            cluster.issuer = text;
        }
        const location = this.locationOf(node);
        if (location)
            cluster.location = location;
        return cluster;
    }
    role(node, at) {
        const fields = this.fields(node, at, ROLE_KEYS);
        const role = {
            file: this.repositoryRelative(this.requiredString(node, fields, 'file', at)),
            name: this.requiredString(node, fields, 'name', at),
        };
        if (!config_file_ROLE_NAME.test(role.name))
            this.fail(fields.get('name').value, `${at}.name`, `"${role.name}" is not an IAM role name (1-64 of A-Z a-z 0-9 +=,.@_-)`);
        const account = fields.get('account');
        if (account)
            role.account = this.account(account, `${at}.account`);
        const rolePath = fields.get('path');
        if (rolePath) {
            role.path = this.nonEmptyString(rolePath.value, rolePath.pair, `${at}.path`);
            if (!role.path.startsWith('/') || !role.path.endsWith('/'))
                this.fail(rolePath.value, `${at}.path`, `"${role.path}" must start and end with / (like /service-roles/)`);
        }
        const location = this.locationOf(node);
        if (location)
            role.location = location;
        return role;
    }
    helm(node, owner) {
        const map = this.mapping(node, 'helm', owner);
        let releases = [];
        for (const pair of map.items) {
            this.keyOf(pair, 'helm', HELM_KEYS);
            releases = this.list(this.resolve(pair.value), pair, 'helm.releases').map(([item, at]) => this.release(item, at));
        }
        return releases;
    }
    release(node, at) {
        const fields = this.fields(node, at, RELEASE_KEYS);
        const release = {
            chart: this.repositoryRelative(this.requiredString(node, fields, 'chart', at)),
            name: this.requiredString(node, fields, 'name', at),
            namespace: this.requiredString(node, fields, 'namespace', at),
            values: [],
        };
        if (!DNS_LABEL.test(release.namespace)) {
            this.fail(fields.get('namespace').value, `${at}.namespace`, `"${release.namespace}" is not a Kubernetes namespace name (lower-case DNS label)`);
        }
        const values = fields.get('values');
        if (values)
            release.values = this.globs(values.value, values.pair, `${at}.values`).map((file) => this.repositoryRelative(file));
        return release;
    }
    // ---- generic readers ----
    fields(node, at, allowed) {
        const map = this.mapping(node, at);
        const fields = new Map();
        for (const pair of map.items) {
            const key = this.keyOf(pair, at, allowed);
            const value = this.resolve(pair.value);
            if (value === null || ((0,dist/* isScalar */.jn)(value) && value.value === null))
                this.fail(pair.key, `${at}.${key}`, 'has no value');
            fields.set(key, { pair, value });
        }
        return fields;
    }
    requiredString(owner, fields, key, at) {
        const field = fields.get(key);
        if (!field)
            this.fail(owner, at, `missing required key "${key}"`);
        return this.nonEmptyString(field.value, field.pair, `${at}.${key}`);
    }
    account(field, at) {
        // An unquoted account is a YAML number; its source text keeps any leading zero.
        const raw = (0,dist/* isScalar */.jn)(field.value) && typeof field.value.value === 'number' ? this.source(field.value) : undefined;
        const text = raw ?? this.nonEmptyString(field.value, field.pair, at);
        if (!ACCOUNT.test(text))
            this.fail(field.value, at, `"${text}" is not an AWS account id (12 digits; quote it)`);
        return text;
    }
    positiveInteger(node, owner, at) {
        if (!(0,dist/* isScalar */.jn)(node) || typeof node.value !== 'number' || !Number.isSafeInteger(node.value) || node.value <= 0) {
            this.fail(node ?? owner.key, at, `must be a positive whole number of bytes (got ${this.shown(node)})`);
        }
        return node.value;
    }
    nonEmptyString(node, owner, at) {
        if (!(0,dist/* isScalar */.jn)(node) || typeof node.value !== 'string' || node.value.trim() === '') {
            this.fail(node ?? owner.key, at, `must be a non-empty string (got ${this.shown(node)})`);
        }
        return node.value;
    }
    list(node, owner, at) {
        if (!(0,dist/* isSeq */.oP)(node))
            this.fail(node ?? owner.key, at, `must be a list (got ${this.shown(node)})`);
        return node.items.map((item, index) => {
            const resolved = this.resolve(item);
            const itemAt = `${at}[${index}]`;
            if (resolved === null)
                this.fail(node, itemAt, 'is empty');
            return [resolved, itemAt];
        });
    }
    mapping(node, at, owner) {
        if (!(0,dist/* isMap */.jh)(node)) {
            const where = node ?? owner?.key ?? null;
            this.fail(where, at || '(top level)', `must be a mapping (got ${this.shown(node)})`);
        }
        return node;
    }
    keyOf(pair, at, allowed) {
        const key = this.keyText(pair, at);
        if (!allowed.includes(key))
            this.fail(pair.key, join(at, key), `unknown key${didYouMean(key, allowed)}`);
        return key;
    }
    keyText(pair, at) {
        const key = pair.key;
        if (!(0,dist/* isScalar */.jn)(key) || (typeof key.value !== 'string' && typeof key.value !== 'number'))
            this.fail(key, at || '(top level)', 'keys must be plain strings');
        return String(key.value);
    }
    resolve(node) {
        if (node === null || node === undefined)
            return null;
        return (0,dist/* isAlias */.Vj)(node) ? (node.resolve(this.document) ?? null) : node;
    }
    repositoryRelative(file) {
        return file.replace(/\\/g, '/').replace(/^\.\//, '');
    }
    locationOf(node) {
        if (this.options.repositoryPath === undefined)
            return undefined;
        const { line, col } = this.lineCounter.linePos(node.range?.[0] ?? 0);
        return { path: this.options.repositoryPath, line, column: col };
    }
    source(node) {
        return node.range ? this.text.slice(node.range[0], node.range[1]).trim() : undefined;
    }
    shown(node) {
        if (node === null || ((0,dist/* isScalar */.jn)(node) && node.value === null))
            return 'nothing';
        if ((0,dist/* isMap */.jh)(node))
            return 'a mapping';
        if ((0,dist/* isSeq */.oP)(node))
            return 'a list';
        if ((0,dist/* isScalar */.jn)(node))
            return typeof node.value === 'string' ? `"${node.value}"` : String(node.value);
        return 'something else';
    }
    fail(node, at, message) {
        const offset = node?.range?.[0] ?? 0;
        const { line } = this.lineCounter.linePos(offset);
        throw new ConfigError(`${this.options.displayPath}:${line}: ${at}: ${message}`);
    }
}
function join(at, key) {
    return at ? `${at}.${key}` : key;
}
function didYouMean(word, candidates) {
    const suggestion = nearest(word, candidates);
    return suggestion ? ` (did you mean "${suggestion}"?)` : '';
}
/** The candidate closest to `word` by edit distance (ties: the first), or undefined when there are none. */
function nearest(word, candidates) {
    let best;
    let bestDistance = Infinity;
    for (const candidate of candidates) {
        const distance = config_file_editDistance(word.toLowerCase(), candidate.toLowerCase());
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}
function config_file_editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
}
/** The config for a run: the named file (which must exist), else the root's `.irsa-guard.yml`, else defaults. */
async function loadConfig(options) {
    const absolutePath = options.configFile ? external_node_path_default().resolve(options.cwd, options.configFile) : await findConfigFile(options.root);
    if (!absolutePath)
        return defaultConfig();
    const displayPath = options.configFile ?? (toPosix(external_node_path_default().relative(options.cwd, absolutePath)) || absolutePath);
    const inRepository = toPosix(external_node_path_default().relative(options.root, absolutePath));
    const repositoryPath = inRepository.startsWith('../') || external_node_path_default().isAbsolute(inRepository) ? undefined : inRepository;
    return loadConfigFile(absolutePath, {
        displayPath,
        ...(repositoryPath !== undefined ? { repositoryPath } : {}),
        ...(options.knownRuleIds ? { knownRuleIds: options.knownRuleIds } : {}),
    });
}
function toPosix(file) {
    return file.split((external_node_path_default()).sep).join('/');
}

;// CONCATENATED MODULE: ./src/paths.ts



const GLOB_CHARACTERS = /[*?[\]{}]/;
function isGlob(text) {
    return GLOB_CHARACTERS.test(text);
}
/**
 * Turns PATHs (CLI arguments, the action's `paths` input) into include globs relative to the root:
 * a directory covers everything below it, a file itself, a glob stays as written. `.` alone means
 * "the config's include" and gives undefined. Every PATH must be inside the root.
 */
async function includeGlobsFor(paths, root) {
    const given = paths.map((entry) => entry.trim()).filter((entry) => entry !== '');
    if (given.every((entry) => entry === '.' || entry === './'))
        return undefined;
    const include = [];
    for (const entry of given) {
        const absolute = external_node_path_default().resolve(root, entry);
        const relative = external_node_path_default().relative(root, absolute).split((external_node_path_default()).sep).join('/');
        if (relative === '..' || relative.startsWith('../') || external_node_path_default().isAbsolute(relative)) {
            throw new ConfigError(`${entry} is outside the repository root ${root}`);
        }
        if (isGlob(entry)) {
            include.push(relative);
            continue;
        }
        const info = await (0,promises_namespaceObject.stat)(absolute).catch(() => undefined);
        if (!info)
            throw new ConfigError(`no such file or directory: ${entry}`);
        include.push(info.isDirectory() ? (relative === '' ? '**/*' : `${relative}/**/*`) : relative);
    }
    return include;
}
/** `a, b` or one per line, as GitHub inputs are written. */
function splitList(input) {
    return input
        .split(/[\n,]/)
        .map((entry) => entry.trim())
        .filter((entry) => entry !== '');
}

;// CONCATENATED MODULE: ./src/report/counts.ts

const FAIL_ON_VALUES = ['error', 'warning', 'note', 'never'];
function countByLevel(findings) {
    const counts = { error: 0, warning: 0, note: 0 };
    for (const finding of findings)
        counts[finding.level]++;
    return counts;
}
/** "2 errors, 1 warning, 0 notes" */
function formatCounts(counts) {
    return [plural(counts.error, 'error'), plural(counts.warning, 'warning'), plural(counts.note, 'note')].join(', ');
}
function plural(count, noun) {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
/** The findings at or above the threshold. */
function findingsAtOrAbove(findings, failOn) {
    if (failOn === 'never')
        return [];
    return findings.filter((finding) => levelRank(finding.level) >= levelRank(failOn));
}
function isFailOn(value) {
    return FAIL_ON_VALUES.includes(value);
}

;// CONCATENATED MODULE: ./src/rules/rule.ts
const DOCS_BASE_URL = 'https://github.com/irsa-guard/irsa-guard/blob/main/docs/rules';
function docsUrl(ruleId) {
    return `${DOCS_BASE_URL}/${ruleId}.md`;
}

;// CONCATENATED MODULE: ./src/version.ts
/** The released version; a test keeps it equal to package.json's. */
const VERSION = '0.1.0';
const INFORMATION_URI = 'https://github.com/irsa-guard/irsa-guard';

;// CONCATENATED MODULE: ./src/report/json.ts



function toJsonReport(result) {
    return {
        tool: 'irsa-guard',
        version: VERSION,
        counts: countByLevel(result.findings),
        scan: { filesSeen: result.scan.filesSeen, relevantFiles: result.scan.relevantFiles },
        findings: result.findings.map((finding) => ({
            ruleId: finding.ruleId,
            level: finding.level,
            message: finding.message,
            location: finding.location,
            related: finding.related,
            fingerprint: finding.fingerprint,
            docsUrl: docsUrl(finding.ruleId),
        })),
    };
}
function formatJson(result) {
    return `${JSON.stringify(toJsonReport(result), null, 2)}\n`;
}

;// CONCATENATED MODULE: ./src/report/markdown.ts





const LEVEL_ICON = { error: '❌', warning: '⚠️', note: 'ℹ️' };
/** The job summary: counts, one row per annotated ServiceAccount with its role chain and verdict, findings by rule. */
function formatMarkdown(result, options = {}) {
    const limit = options.limit ?? 50;
    const counts = countByLevel(result.findings);
    const lines = ['## irsa-guard', ''];
    lines.push(`**${formatCounts(counts)}** in ${plural(result.scan.relevantFiles, 'IRSA-relevant file')} (${plural(result.scan.filesSeen, 'file')} seen).`, '');
    lines.push('### ServiceAccounts and their IAM roles', '');
    const annotated = result.graph.facts.serviceAccounts.filter((sa) => sa.roleArn !== undefined);
    if (annotated.length === 0) {
        lines.push('No ServiceAccount with an `eks.amazonaws.com/role-arn` annotation was found.', '');
    }
    else {
        const spans = roleSpans(result.graph);
        lines.push('| ServiceAccount | IAM role | OIDC provider | Verdict |', '| --- | --- | --- | --- |');
        for (const sa of annotated.slice(0, limit))
            lines.push(chainRow(sa, result, spans, options));
        if (annotated.length > limit)
            lines.push('', `… and ${annotated.length - limit} more ServiceAccounts.`);
        lines.push('');
    }
    lines.push('### Findings', '');
    if (result.findings.length === 0) {
        lines.push('No findings.', '');
        return lines.join('\n');
    }
    for (const [ruleId, findings] of groupByRule(result.findings)) {
        const ruleCounts = countByLevel(findings);
        const summary = ['error', 'warning', 'note']
            .filter((level) => ruleCounts[level] > 0)
            .map((level) => plural(ruleCounts[level], level))
            .join(', ');
        lines.push(`#### [\`${ruleId}\`](${docsUrl(ruleId)}) · ${summary}`, '');
        for (const finding of findings.slice(0, limit)) {
            lines.push(`- ${LEVEL_ICON[finding.level]} ${markdown_link(finding.location, options, true)}: ${escapeMarkdown(finding.message)}`);
        }
        if (findings.length > limit)
            lines.push(`- … and ${findings.length - limit} more (see the SARIF or JSON report)`);
        lines.push('');
    }
    return lines.join('\n');
}
function chainRow(sa, result, spans, options) {
    const links = result.graph.rolesOf(sa);
    const serviceAccount = `\`${markdown_valueText(sa.namespace)}/${markdown_valueText(sa.name)}\`<br>${markdown_link(sa.location, options)}`;
    const role = links.length === 0
        ? `${sa.roleArn ? code(describeValue(sa.roleArn)) : ''}<br>not defined in the scanned files`
        : links.map(({ role: linked }) => `${code(linked.name ? markdown_valueText(linked.name) : linked.label)}<br>${markdown_link(linked.location, options)}`).join('<br>');
    const providers = [...new Set(links.flatMap(({ role: linked }) => federatedProviders(linked)))];
    const provider = providers.length > 0 ? providers.map(code).join('<br>') : '—';
    const findings = result.findings.filter((finding) => concernsChain(finding, sa, links.map(({ role: linked }) => linked), spans));
    return `| ${serviceAccount} | ${role} | ${provider} | ${verdict(findings, links.length > 0)} |`;
}
function verdict(findings, linked) {
    if (findings.length === 0)
        return linked ? '✅ no findings' : '— role not in scan';
    const counts = countByLevel(findings);
    const worst = ['error', 'warning', 'note'].find((level) => counts[level] > 0);
    return `${LEVEL_ICON[worst]} ${['error', 'warning', 'note']
        .filter((level) => counts[level] > 0)
        .map((level) => plural(counts[level], level))
        .join(', ')}`;
}
/** The lines each role occupies: from its definition to the next role defined in the same file, plus a trust policy kept in a file of its own. */
function roleSpans(graph) {
    const byFile = new Map();
    for (const role of graph.facts.roles) {
        const list = byFile.get(role.location.path) ?? [];
        list.push(role);
        byFile.set(role.location.path, list);
    }
    const spans = new Map();
    for (const [file, roles] of byFile) {
        const sorted = [...roles].sort((a, b) => a.location.line - b.location.line);
        sorted.forEach((role, index) => {
            const next = sorted.slice(index + 1).find((other) => other.location.line > role.location.line);
            const own = [{ path: file, fromLine: role.location.line, toLine: next ? next.location.line - 1 : Infinity }];
            const trust = role.trustPolicy?.location;
            if (trust && trust.path !== file)
                own.push({ path: trust.path, fromLine: 1, toLine: Infinity });
            spans.set(role, own);
        });
    }
    return spans;
}
function concernsChain(finding, sa, roles, spans) {
    const saLines = new Set([sa.location, sa.roleArn?.location, sa.audience?.location, sa.stsRegionalEndpoints?.location, sa.tokenExpiration?.location, ...sa.annotations.map((annotation) => annotation.keyLocation)]
        .filter((location) => location !== undefined)
        .map(lineKey));
    const roleSpansOfSa = roles.flatMap((role) => spans.get(role) ?? []);
    return [finding.location, ...finding.related.map((related) => related.location)].some((location) => saLines.has(lineKey(location)) ||
        roleSpansOfSa.some((span) => span.path === location.path && location.line >= span.fromLine && location.line <= span.toLine));
}
function federatedProviders(role) {
    const providers = [];
    for (const statement of role.trustPolicy?.statements ?? []) {
        for (const entry of statement.principal?.entries ?? []) {
            if (entry.type !== 'Federated')
                continue;
            for (const value of entry.values) {
                providers.push(value.kind === 'known' ? (parseOidcProviderArn(value.value)?.issuerHostPath ?? value.value) : describeValue(value));
            }
        }
    }
    return providers;
}
function groupByRule(findings) {
    const groups = new Map();
    for (const finding of findings) {
        const list = groups.get(finding.ruleId) ?? [];
        list.push(finding);
        groups.set(finding.ruleId, list);
    }
    const worst = (list) => Math.max(...list.map((finding) => levelRank(finding.level)));
    return [...groups].sort(([idA, a], [idB, b]) => worst(b) - worst(a) || idA.localeCompare(idB));
}
function markdown_link(location, options, withColumn = false) {
    const text = withColumn ? `${location.path}:${location.line}:${location.column}` : `${location.path}:${location.line}`;
    if (!options.blobUrl)
        return `\`${text}\``;
    const href = `${options.blobUrl.replace(/\/$/, '')}/${location.path.split('/').map(encodeURIComponent).join('/')}#L${location.line}`;
    return `[${escapeMarkdown(text)}](${href})`;
}
function markdown_valueText(value) {
    return value.kind === 'known' ? value.value : `\${${value.expression}}`;
}
function code(text) {
    const clean = text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
    return clean.includes('`') ? `\`\` ${clean} \`\`` : `\`${clean}\``;
}
/** Escapes what markdown would otherwise render (emphasis in `system:serviceaccount:*:*`, table pipes, HTML). */
function escapeMarkdown(text) {
    return text.replace(/[\\`*_[\]<>|#]/g, (character) => `\\${character}`).replace(/\n/g, ' ');
}
function lineKey(location) {
    return `${location.path}:${location.line}`;
}

;// CONCATENATED MODULE: ./src/report/sarif.ts


const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** The fingerprint key under `partialFingerprints`; bump the version if the fingerprint recipe changes. */
const FINGERPRINT_KEY = 'irsaGuard/v1';
/** The SARIF 2.1.0 log of a check: every rule that ran, and one result per finding. */
function toSarif(result) {
    const rules = result.rules.map(toSarifRule);
    const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
    // A source may report under an id no registered rule carries; SARIF still needs a descriptor for it.
    for (const finding of result.findings) {
        if (ruleIndex.has(finding.ruleId))
            continue;
        ruleIndex.set(finding.ruleId, rules.length);
        rules.push(toSarifRule({ id: finding.ruleId, level: finding.level, description: finding.ruleId, remediation: `See ${docsUrl(finding.ruleId)}` }));
    }
    return {
        $schema: SARIF_SCHEMA_URI,
        version: '2.1.0',
        runs: [
            {
                tool: { driver: { name: 'irsa-guard', informationUri: INFORMATION_URI, version: VERSION, semanticVersion: VERSION, rules } },
                columnKind: 'utf16CodeUnits',
                results: result.findings.map((finding) => toSarifResult(finding, ruleIndex.get(finding.ruleId))),
            },
        ],
    };
}
function formatSarif(result) {
    return `${JSON.stringify(toSarif(result), null, 2)}\n`;
}
function toSarifRule(meta) {
    const url = docsUrl(meta.id);
    const tags = ['irsa', 'kubernetes', 'iam'];
    if (meta.security)
        tags.push('security');
    const rule = {
        id: meta.id,
        name: pascalCase(meta.id),
        shortDescription: { text: meta.description },
        fullDescription: { text: `${meta.description} ${meta.remediation}` },
        helpUri: url,
        help: {
            text: `${meta.description}\n\nHow to fix: ${meta.remediation}\n\nDocumentation: ${url}`,
            markdown: `${meta.description}\n\n**How to fix:** ${meta.remediation}\n\n[Documentation for ${meta.id}](${url})`,
        },
        defaultConfiguration: { level: meta.level },
        properties: { tags, precision: 'high' },
    };
    // GitHub code scanning ranks security alerts by this score (0.0-10.0).
    if (meta.security)
        rule.properties['security-severity'] = meta.level === 'error' ? '8.0' : meta.level === 'warning' ? '5.0' : '3.0';
    return rule;
}
function toSarifResult(finding, ruleIndex) {
    const result = {
        ruleId: finding.ruleId,
        ruleIndex,
        level: finding.level,
        message: { text: finding.message },
        locations: [toSarifLocation(finding.location)],
        partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    };
    if (finding.related.length > 0) {
        result.relatedLocations = finding.related.map((related, index) => ({
            id: index + 1,
            ...toSarifLocation(related.location),
            message: { text: related.message },
        }));
    }
    return result;
}
function toSarifLocation(location) {
    return { physicalLocation: { artifactLocation: { uri: toUri(location.path) }, region: { startLine: location.line, startColumn: location.column } } };
}
/** A repository-relative, `/`-separated path as a relative URI reference. */
function toUri(repositoryPath) {
    return repositoryPath.split('/').map(encodeURIComponent).join('/');
}
function pascalCase(id) {
    return id
        .split(/[^a-zA-Z0-9]+/)
        .filter(Boolean)
        .map((part) => part[0].toUpperCase() + part.slice(1))
        .join('');
}

;// CONCATENATED MODULE: ./src/report/text.ts
/** `path:line:col: level: message [rule-id]` — the one line format of the CLI, logs and tests. */
function formatFindingLine(finding) {
    return `${finding.location.path}:${finding.location.line}:${finding.location.column}: ${finding.level}: ${finding.message} [${finding.ruleId}]`;
}
function formatText(findings) {
    return findings.map((finding) => `${formatFindingLine(finding)}\n`).join('');
}

;// CONCATENATED MODULE: ./src/report/index.ts




const REPORT_FORMATS = ['text', 'json', 'sarif', 'markdown'];
function isReportFormat(value) {
    return REPORT_FORMATS.includes(value);
}
/** The report of a check in one format, as the text to print or write. */
function formatReport(format, result, options = {}) {
    switch (format) {
        case 'text':
            return formatText(result.findings);
        case 'json':
            return formatJson(result);
        case 'sarif':
            return formatSarif(result);
        case 'markdown':
            return formatMarkdown(result, options);
    }
}

;// CONCATENATED MODULE: ./src/cli.ts









const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_USAGE = 2;
const HELP = `Usage: irsa-guard [PATH...] [options]

Checks EKS IAM Roles for Service Accounts (IRSA): joins each Kubernetes ServiceAccount's
eks.amazonaws.com/role-arn annotation to the IAM role's trust policy and reports every
broken or unsafe link at its file and line.

PATH      One directory: the repository root to scan (default: the working directory).
          A file, a glob or several PATHs: scanned inside the working directory, which is
          then the root (reported paths are relative to it).

Options:
  --format text|json|sarif|markdown   report format (default: text)
  --output FILE                       write the report to FILE instead of standard output
  --fail-on error|warning|note|never  lowest level that makes the exit code 1 (default: error)
  --config FILE                       config file (default: .irsa-guard.yml at the root, if any)
  --exclude GLOB                      skip matching files; repeatable
  -h, --help                          show this help
  --version                           show the version

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or config error.
`;
class UsageError extends Error {
    hintHelp;
    constructor(message, hintHelp = true) {
        super(message);
        this.hintHelp = hintHelp;
    }
}
/** The CLI: argv → check → report; returns the exit code and never throws. */
async function main(argv, io) {
    try {
        const options = parseArguments(argv);
        if (options.help) {
            io.stdout.write(HELP);
            return EXIT_OK;
        }
        if (options.version) {
            io.stdout.write(`irsa-guard ${VERSION}\n`);
            return EXIT_OK;
        }
        const target = await resolveTarget(options.paths, io.cwd);
        const config = await loadConfig({ root: target.root, cwd: io.cwd, ...(options.config ? { configFile: options.config } : {}) });
        if (target.include)
            config.include = target.include;
        config.exclude = [...config.exclude, ...options.exclude];
        const result = await check({ root: target.root, config });
        const report = formatReport(options.format, result);
        let written = '';
        if (options.output) {
            await writeReport(external_node_path_default().resolve(io.cwd, options.output), report, options.output);
            written = `; ${options.format} report written to ${options.output}`;
        }
        else {
            io.stdout.write(report);
        }
        const failing = findingsAtOrAbove(result.findings, options.failOn);
        io.stderr.write(`irsa-guard: ${formatCounts(countByLevel(result.findings))} in ${plural(result.scan.relevantFiles, 'IRSA-relevant file')}${written}` +
            (failing.length > 0 ? ` (failing: ${plural(failing.length, 'finding')} at or above ${options.failOn})` : '') +
            '\n');
        return failing.length > 0 ? EXIT_FINDINGS : EXIT_OK;
    }
    catch (error) {
        io.stderr.write(`${cli_describeError(error)}\n`);
        return EXIT_USAGE;
    }
}
function cli_describeError(error) {
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    if (error instanceof ConfigError)
        return `irsa-guard: ${message}`;
    if (error instanceof UsageError)
        return `irsa-guard: ${message}${error.hintHelp ? ' (see irsa-guard --help)' : ''}`;
    return `irsa-guard: internal error: ${message}`;
}
const VALUE_OPTIONS = ['--format', '--output', '--fail-on', '--config', '--exclude'];
function parseArguments(argv) {
    const options = { paths: [], format: 'text', failOn: 'error', exclude: [], help: false, version: false };
    for (let index = 0; index < argv.length; index++) {
        const argument = argv[index];
        if (argument === '--') {
            options.paths.push(...argv.slice(index + 1));
            break;
        }
        if (argument === '-h' || argument === '--help') {
            options.help = true;
            continue;
        }
        if (argument === '--version') {
            options.version = true;
            continue;
        }
        if (!argument.startsWith('-') || argument === '-') {
            options.paths.push(argument);
            continue;
        }
        const equals = argument.indexOf('=');
        const name = equals > 0 ? argument.slice(0, equals) : argument;
        if (!VALUE_OPTIONS.includes(name))
            throw new UsageError(`unknown option ${name}`);
        let value;
        if (equals > 0) {
            value = argument.slice(equals + 1);
        }
        else {
            value = argv[index + 1];
            if (value === undefined || (value.startsWith('-') && value !== '-'))
                throw new UsageError(`${name} needs a value`);
            index++;
        }
        if (value === '')
            throw new UsageError(`${name} needs a value`);
        applyOption(options, name, value);
    }
    return options;
}
function applyOption(options, name, value) {
    switch (name) {
        case '--format':
            if (!isReportFormat(value))
                throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')} (got "${value}")`);
            options.format = value;
            return;
        case '--fail-on':
            if (!isFailOn(value))
                throw new UsageError(`--fail-on must be one of ${FAIL_ON_VALUES.join(', ')} (got "${value}")`);
            options.failOn = value;
            return;
        case '--output':
            options.output = value;
            return;
        case '--config':
            options.config = value;
            return;
        case '--exclude':
            options.exclude.push(value);
            return;
    }
}
/** One directory is the root; otherwise the working directory is the root and the PATHs become include globs. */
async function resolveTarget(paths, cwd) {
    if (paths.length === 0)
        return { root: cwd };
    if (paths.length === 1 && !isGlob(paths[0])) {
        const only = external_node_path_default().resolve(cwd, paths[0]);
        const info = await (0,promises_namespaceObject.stat)(only).catch(() => undefined);
        if (!info)
            throw new UsageError(`no such file or directory: ${paths[0]}`, false);
        if (info.isDirectory())
            return { root: only };
    }
    const include = await includeGlobsFor(paths, cwd);
    return include ? { root: cwd, include } : { root: cwd };
}
async function writeReport(absolutePath, report, shownPath) {
    try {
        await (0,promises_namespaceObject.mkdir)(external_node_path_default().dirname(absolutePath), { recursive: true });
        await (0,promises_namespaceObject.writeFile)(absolutePath, report);
    }
    catch (error) {
        const code = error.code ?? String(error);
        throw new UsageError(`cannot write ${shownPath}: ${code}`, false);
    }
}

;// CONCATENATED MODULE: ./src/cli-entry.ts

// A reader that stops early (`irsa-guard | head`) is not an error worth a stack trace.
process.stdout.on('error', (error) => {
    if (error.code === 'EPIPE')
        process.exit(process.exitCode ?? 0);
    throw error;
});
main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() }).then((code) => {
    process.exitCode = code;
}, (error) => {
    process.stderr.write(`irsa-guard: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
});

