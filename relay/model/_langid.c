/* relay.model._langid: the hot loops of relay.model.langid (langdetect's algorithm) in C.
 *
 * Every float is the one langdetect computes: the same IEEE double operations in the same
 * order (built with -ffp-contract=off, so that no multiply and add are fused), the normalizing
 * total summed the way the running Python's sum() sums floats, and the random draws made by
 * the Python Random object itself (its gauss() and getrandbits(), exactly as
 * Random._randbelow_with_getrandbits and Random.choice use them).
 *
 * The profile table (n-gram -> its probability in each of the 55 languages) has rows of two
 * kinds. langdetect's own (word_lang_prob_map) are lists of 55 float objects, 96% of them the
 * one shared 0.0: 440 bytes of pointers per row, 41 MiB in all. relay.model.langid's packed
 * table holds only the others, as bytes of (uint8 language index, native double) entries,
 * about two per row. Either is read in place, into the same doubles (nothing is written to
 * the table's pages, which the zygote's forked workers share).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <string.h>

/* ---- sum(): the total of a normalization, as builtins.sum computes it ---- */

/* builtins.sum(floats) with its default start 0: 0 + x0 (an int plus a float: 0.0 + x0), then
 * the rest in order; Python 3.12 made the float loop compensated (Neumaier). */
static double
builtin_sum(const double *values, Py_ssize_t count)
{
    if (count == 0) {
        return 0.0; /* sum([]) is the int 0; never asked for here */
    }
    double total = 0.0 + values[0];
#if PY_VERSION_HEX >= 0x030C0000
    double compensation = 0.0;
    for (Py_ssize_t i = 1; i < count; i++) {
        double x = values[i];
        double t = total + x;
        if (fabs(total) >= fabs(x)) {
            compensation += (total - t) + x;
        }
        else {
            compensation += (x - t) + total;
        }
        total = t;
    }
    if (compensation != 0.0 && isfinite(compensation)) {
        total += compensation;
    }
#else
    for (Py_ssize_t i = 1; i < count; i++) {
        total += values[i];
    }
#endif
    return total;
}

/* ---- draws: Random.choice(ngrams), i.e. ngrams[rnd._randbelow(len(ngrams))] ---- */

typedef struct {
    PyObject *getrandbits; /* the Random object's bound method */
    PyObject *bits;        /* len(ngrams).bit_length(), as the int getrandbits is given */
    unsigned long long count;
    PyObject *ngrams; /* list[str] */
    PyObject *table;  /* dict[str, list[float] | bytes] */
    Py_ssize_t size;  /* number of languages */
} Draws;

/* Random._randbelow_with_getrandbits(count): getrandbits(k) until it is below count. */
static int
draw_index(Draws *draws, Py_ssize_t *index)
{
    for (;;) {
        PyObject *found = PyObject_CallOneArg(draws->getrandbits, draws->bits);
        if (found == NULL) {
            return -1;
        }
        unsigned long long value = PyLong_AsUnsignedLongLong(found);
        Py_DECREF(found);
        if (value == (unsigned long long)-1 && PyErr_Occurred()) {
            return -1;
        }
        if (value < draws->count) {
            *index = (Py_ssize_t)value;
            return 0;
        }
    }
}

/* One packed entry: the language's index, then its probability (a native double). */
#define PACKED_ENTRY (1 + sizeof(double))

/* The next drawn n-gram's row of the table, as `size` doubles into `row`. */
static int
draw_row(Draws *draws, double *row)
{
    Py_ssize_t index;
    if (draw_index(draws, &index) < 0) {
        return -1;
    }
    PyObject *ngram = PyList_GET_ITEM(draws->ngrams, index);
    PyObject *found = PyDict_GetItemWithError(draws->table, ngram);
    if (found == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetObject(PyExc_KeyError, ngram);
        }
        return -1;
    }
    if (PyBytes_CheckExact(found)) {
        Py_ssize_t length = PyBytes_GET_SIZE(found);
        const unsigned char *entry = (const unsigned char *)PyBytes_AS_STRING(found);
        if (length % (Py_ssize_t)PACKED_ENTRY != 0) {
            PyErr_Format(PyExc_ValueError, "the packed row of %R is not whole entries", ngram);
            return -1;
        }
        memset(row, 0, (size_t)draws->size * sizeof(double)); /* +0.0, as langdetect's rows */
        for (Py_ssize_t at = 0; at < length; at += (Py_ssize_t)PACKED_ENTRY) {
            Py_ssize_t language = entry[at];
            if (language >= draws->size) {
                PyErr_Format(PyExc_ValueError, "the packed row of %R names language %zd of %zd",
                             ngram, language, draws->size);
                return -1;
            }
            memcpy(&row[language], entry + at + 1, sizeof(double));
        }
        return 0;
    }
    if (!PyList_CheckExact(found) || PyList_GET_SIZE(found) != draws->size) {
        PyErr_Format(PyExc_ValueError, "the table's row of %R is not a list of %zd floats",
                     ngram, draws->size);
        return -1;
    }
    PyObject **items = PySequence_Fast_ITEMS(found);
    for (Py_ssize_t j = 0; j < draws->size; j++) {
        if (!PyFloat_CheckExact(items[j])) {
            PyErr_Format(PyExc_TypeError, "the table's row of %R holds a %.100s, not a float",
                         ngram, Py_TYPE(items[j])->tp_name);
            return -1;
        }
        row[j] = PyFloat_AS_DOUBLE(items[j]);
    }
    return 0;
}

#define WEIGHT(row, j) (w + (row)[j])

/* ---- trials: Detector._detect_block after the n-grams are extracted ---- */

PyDoc_STRVAR(trials_doc,
"trials(ngrams, table, rnd, init, alpha, alpha_width, base_freq, n_trial, limit, threshold)\n"
"--\n\n"
"langdetect's trials (Detector._detect_block): the languages' probabilities summed over\n"
"n_trial trials, each started from `init`, with alpha + rnd.gauss(0.0, 1.0) * alpha_width,\n"
"multiplied by the rows of n-grams drawn with rnd.choice(ngrams) until the largest share\n"
"exceeds threshold or limit draws are made. `rnd` is a random.Random, seeded by the caller.");

static PyObject *
trials(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 10) {
        PyErr_Format(PyExc_TypeError, "trials() takes 10 arguments (%zd given)", nargs);
        return NULL;
    }
    PyObject *ngrams = args[0], *table = args[1], *rnd = args[2], *init = args[3];
    if (!PyList_CheckExact(ngrams) || !PyDict_CheckExact(table) || !PyList_CheckExact(init)) {
        PyErr_SetString(PyExc_TypeError, "trials(): ngrams and init are lists, table a dict");
        return NULL;
    }
    double alpha = PyFloat_AsDouble(args[4]);
    double alpha_width = PyFloat_AsDouble(args[5]);
    double base_freq = PyFloat_AsDouble(args[6]);
    Py_ssize_t n_trial = PyLong_AsSsize_t(args[7]);
    Py_ssize_t limit = PyLong_AsSsize_t(args[8]);
    double threshold = PyFloat_AsDouble(args[9]);
    if (PyErr_Occurred()) {
        return NULL;
    }
    Py_ssize_t count = PyList_GET_SIZE(ngrams);
    Py_ssize_t size = PyList_GET_SIZE(init);
    if (count == 0) {
        PyErr_SetString(PyExc_IndexError, "Cannot choose from an empty sequence");
        return NULL;
    }

    PyObject *result = NULL;
    double *prob = NULL, *start = NULL, *langprob = NULL, *rows = NULL;
    Draws draws = {NULL, NULL, (unsigned long long)count, ngrams, table, size};
    PyObject *gauss_args = NULL;
    PyObject *gauss = NULL;

    /* the five rows drawn between two normalizations */
    rows = PyMem_Calloc((size_t)(size ? size : 1) * 5, sizeof(double));
    prob = PyMem_Calloc((size_t)(size ? size : 1), sizeof(double));
    start = PyMem_Calloc((size_t)(size ? size : 1), sizeof(double));
    langprob = PyMem_Calloc((size_t)(size ? size : 1), sizeof(double));
    if (prob == NULL || start == NULL || langprob == NULL || rows == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t j = 0; j < size; j++) {
        start[j] = PyFloat_AsDouble(PyList_GET_ITEM(init, j));
        if (start[j] == -1.0 && PyErr_Occurred()) {
            goto done;
        }
    }
    draws.getrandbits = PyObject_GetAttrString(rnd, "getrandbits");
    gauss = PyObject_GetAttrString(rnd, "gauss");
    if (draws.getrandbits == NULL || gauss == NULL) {
        goto done;
    }
    {
        /* count.bit_length() */
        int k = 0;
        for (unsigned long long c = (unsigned long long)count; c; c >>= 1) {
            k++;
        }
        draws.bits = PyLong_FromLong(k);
    }
    gauss_args = Py_BuildValue("(dd)", 0.0, 1.0);
    if (draws.bits == NULL || gauss_args == NULL) {
        goto done;
    }

    for (Py_ssize_t trial = 0; trial < n_trial; trial++) {
        memcpy(prob, start, (size_t)size * sizeof(double));
        PyObject *drawn = PyObject_Call(gauss, gauss_args, NULL);
        if (drawn == NULL) {
            goto done;
        }
        double z = PyFloat_AsDouble(drawn);
        Py_DECREF(drawn);
        if (z == -1.0 && PyErr_Occurred()) {
            goto done;
        }
        double trial_alpha = alpha + z * alpha_width;
        double w = trial_alpha / base_freq;
        /* i = 0: one draw, then the first convergence check */
        double *a = rows, *b = rows + size, *c = rows + 2 * size, *d = rows + 3 * size,
               *e = rows + 4 * size;
        if (draw_row(&draws, a) < 0) {
            goto done;
        }
        for (Py_ssize_t j = 0; j < size; j++) {
            prob[j] = prob[j] * WEIGHT(a, j);
        }
        Py_ssize_t i = 0;
        for (;;) {
            /* Detector._normalize_prob: max(0.0, max(p / total)) is max(0.0, max(p) / total),
             * a correctly rounded division by a positive total keeping the order; max() keeps
             * the first of equals and replaces only on `>`, as Python's does. */
            double total = builtin_sum(prob, size);
            if (total == 0.0) {
                PyErr_SetString(PyExc_ZeroDivisionError, "float division by zero");
                goto done;
            }
            double largest = prob[0];
            for (Py_ssize_t j = 1; j < size; j++) {
                if (prob[j] > largest) {
                    largest = prob[j];
                }
            }
            double share = largest / total;
            double best = share > 0.0 ? share : 0.0;
            if (best > threshold || i >= limit) {
                for (Py_ssize_t j = 0; j < size; j++) {
                    prob[j] = prob[j] / total;
                }
                break;
            }
            /* i + 1 .. i + 5: five draws, multiplied in the order drawn, after the division by
             * the total that langdetect's normalization makes first */
            if (draw_row(&draws, a) < 0 || draw_row(&draws, b) < 0 || draw_row(&draws, c) < 0 ||
                draw_row(&draws, d) < 0 || draw_row(&draws, e) < 0) {
                goto done;
            }
            for (Py_ssize_t j = 0; j < size; j++) {
                double p = prob[j] / total;
                p = p * WEIGHT(a, j);
                p = p * WEIGHT(b, j);
                p = p * WEIGHT(c, j);
                p = p * WEIGHT(d, j);
                p = p * WEIGHT(e, j);
                prob[j] = p;
            }
            i += 5;
        }
        for (Py_ssize_t j = 0; j < size; j++) {
            langprob[j] += prob[j] / (double)n_trial;
        }
    }

    result = PyList_New(size);
    if (result == NULL) {
        goto done;
    }
    for (Py_ssize_t j = 0; j < size; j++) {
        PyObject *value = PyFloat_FromDouble(langprob[j]);
        if (value == NULL) {
            Py_CLEAR(result);
            goto done;
        }
        PyList_SET_ITEM(result, j, value);
    }

done:
    PyMem_Free(rows);
    PyMem_Free(prob);
    PyMem_Free(start);
    PyMem_Free(langprob);
    Py_XDECREF(draws.getrandbits);
    Py_XDECREF(draws.bits);
    Py_XDECREF(gauss);
    Py_XDECREF(gauss_args);
    return result;
}

/* ---- word_ngrams: NGram.add_char and Detector._extract_ngrams over one word ---- */

#define N_GRAM 3

/* Append the last `n` characters of `grams` to `result` if it is an n-gram of the table and
 * not the lone space. 1: appended or not in the table, -1: error. */
static int
add_if_known(PyObject *result, PyObject *table, const Py_UCS4 *grams, Py_ssize_t length,
             Py_ssize_t n)
{
    if (n == 1 && grams[length - 1] == ' ') {
        return 1;
    }
    PyObject *gram = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, grams + length - n, n);
    if (gram == NULL) {
        return -1;
    }
    int known = PyDict_Contains(table, gram);
    if (known == 1) {
        known = PyList_Append(result, gram) == 0 ? 1 : -1;
    }
    else if (known == 0) {
        known = 1;
    }
    Py_DECREF(gram);
    return known;
}

PyDoc_STRVAR(word_ngrams_doc,
"word_ngrams(chars, table)\n"
"--\n\n"
"The n-grams langdetect extracts from `chars` (normalized: one word and perhaps the space\n"
"after it) that are in `table`, starting as after a space: NGram.add_char and\n"
"Detector._extract_ngrams.");

static PyObject *
word_ngrams(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2 || !PyUnicode_Check(args[0]) || !PyDict_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "word_ngrams(chars: str, table: dict)");
        return NULL;
    }
    PyObject *chars = args[0], *table = args[1];
    int kind = PyUnicode_KIND(chars);
    const void *data = PyUnicode_DATA(chars);
    Py_ssize_t length = PyUnicode_GET_LENGTH(chars);
    PyObject *result = PyList_New(0);
    if (result == NULL) {
        return NULL;
    }
    Py_UCS4 grams[N_GRAM + 1] = {' '};
    Py_ssize_t filled = 1;
    int capital = 0;
    for (Py_ssize_t at = 0; at < length; at++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, at);
        Py_UCS4 last = grams[filled - 1];
        if (last == ' ') {
            grams[0] = ' ';
            filled = 1;
            capital = 0;
            if (ch == ' ') {
                continue;
            }
        }
        else if (filled >= N_GRAM) {
            memmove(grams, grams + 1, (size_t)(filled - 1) * sizeof(Py_UCS4));
            filled--;
        }
        grams[filled++] = ch;
        if (Py_UNICODE_ISUPPER(ch)) {
            if (Py_UNICODE_ISUPPER(last)) {
                capital = 1;
            }
        }
        else {
            capital = 0;
        }
        if (capital) {
            continue;
        }
        for (Py_ssize_t n = 1; n <= N_GRAM && n <= filled; n++) {
            if (add_if_known(result, table, grams, filled, n) < 0) {
                Py_DECREF(result);
                return NULL;
            }
        }
    }
    PyObject *found = PyList_AsTuple(result);
    Py_DECREF(result);
    return found;
}

/* ---- for the tests: the summation the trials use ---- */

PyDoc_STRVAR(float_sum_doc,
"float_sum(values)\n"
"--\n\n"
"The total of a list of floats as the trials compute it: builtins.sum's, bit for bit.");

static PyObject *
float_sum(PyObject *module, PyObject *values)
{
    if (!PyList_CheckExact(values)) {
        PyErr_SetString(PyExc_TypeError, "float_sum(values: list[float])");
        return NULL;
    }
    Py_ssize_t count = PyList_GET_SIZE(values);
    double *copy = PyMem_Calloc((size_t)(count ? count : 1), sizeof(double));
    if (copy == NULL) {
        return PyErr_NoMemory();
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *item = PyList_GET_ITEM(values, i);
        if (!PyFloat_CheckExact(item)) {
            PyMem_Free(copy);
            PyErr_SetString(PyExc_TypeError, "float_sum(values: list[float])");
            return NULL;
        }
        copy[i] = PyFloat_AS_DOUBLE(item);
    }
    double total = builtin_sum(copy, count);
    PyMem_Free(copy);
    return PyFloat_FromDouble(total);
}

static PyMethodDef methods[] = {
    {"trials", (PyCFunction)(void (*)(void))trials, METH_FASTCALL, trials_doc},
    {"word_ngrams", (PyCFunction)(void (*)(void))word_ngrams, METH_FASTCALL, word_ngrams_doc},
    {"float_sum", float_sum, METH_O, float_sum_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef_Slot slots[] = {
#ifdef Py_mod_multiple_interpreters
    {Py_mod_multiple_interpreters, Py_MOD_PER_INTERPRETER_GIL_SUPPORTED},
#endif
    {0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "relay.model._langid",
    .m_doc = "The hot loops of relay.model.langid (langdetect's algorithm) in C, bit for bit.",
    .m_size = 0,
    .m_methods = methods,
    .m_slots = slots,
};

PyMODINIT_FUNC
PyInit__langid(void)
{
    return PyModuleDef_Init(&module_def);
}
