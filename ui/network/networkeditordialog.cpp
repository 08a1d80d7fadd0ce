#include "networkeditordialog.h"

#include "sizelimits.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QUndoCommand>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace backprop;

namespace {

// One change of the design: the whole design before and after (a few dozen bytes), so undo
// and redo cannot drift from what the dialog showed.
class DesignCommand : public QUndoCommand
{
public:
    DesignCommand(NetworkEditorDialog *dialog, const QString &text, NetworkDesign before,
                  NetworkDesign after)
        : QUndoCommand(text), m_dialog(dialog), m_before(std::move(before)),
          m_after(std::move(after))
    { }
    void undo() override { m_dialog->setDesign(m_before); }
    void redo() override { m_dialog->setDesign(m_after); }

private:
    NetworkEditorDialog *m_dialog;
    NetworkDesign m_before, m_after;
};

template<typename Enum>
void fillCombo(QComboBox *combo, int count, std::string_view (*nameOf)(Enum))
{
    for (int k = 0; k < count; ++k)
        combo->addItem(
            QString::fromUtf8(nameOf(static_cast<Enum>(k)).data(),
                              static_cast<qsizetype>(nameOf(static_cast<Enum>(k)).size())),
            k);
}

} // namespace

NetworkEditorDialog::NetworkEditorDialog(const Lesson &lesson, QWidget *parent)
    : QDialog(parent), m_lesson(lesson), m_design(NetworkBuilder::designOf(lesson)),
      m_undoStack(new QUndoStack(this)), m_layers(new QListWidget(this)),
      m_neurons(new QSpinBox(this)), m_activation(new QComboBox(this)), m_loss(new QComboBox(this)),
      m_biasMode(new QComboBox(this)), m_initialization(new QComboBox(this)),
      m_seed(new QLineEdit(this)), m_summary(new QLabel(this)), m_message(new QLabel(this))
{
    setWindowTitle(tr("Edit network"));
    // The spin box accepts more than the limit on purpose: typing 65 gets the message that
    // explains the limit instead of a silent clamp to 64.
    m_neurons->setRange(1, 9999);
    fillCombo<Activation>(m_activation, 6, activationName);
    fillCombo<Loss>(m_loss, 5, lossName);
    fillCombo<BiasMode>(m_biasMode, 3, biasModeName);
    fillCombo<Initialization>(m_initialization, 3, initializationName);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #c00000"));
    m_summary->setWordWrap(true);

    auto *add = new QPushButton(tr("Add hidden layer"), this);
    auto *remove = new QPushButton(tr("Remove hidden layer"), this);
    auto *undo = new QPushButton(tr("Undo"), this);
    auto *redo = new QPushButton(tr("Redo"), this);
    undo->setShortcut(QKeySequence::Undo);
    redo->setShortcut(QKeySequence::Redo);
    connect(m_undoStack, &QUndoStack::canUndoChanged, undo, &QWidget::setEnabled);
    connect(m_undoStack, &QUndoStack::canRedoChanged, redo, &QWidget::setEnabled);
    undo->setEnabled(false);
    redo->setEnabled(false);
    connect(undo, &QPushButton::clicked, m_undoStack, &QUndoStack::undo);
    connect(redo, &QPushButton::clicked, m_undoStack, &QUndoStack::redo);
    connect(add, &QPushButton::clicked, this, [this] { addHiddenLayer(); });
    connect(remove, &QPushButton::clicked, this, [this] { removeHiddenLayer(currentLayer()); });

    auto *layerForm = new QFormLayout;
    layerForm->addRow(tr("Neurons"), m_neurons);
    layerForm->addRow(tr("Activation"), m_activation);
    auto *networkForm = new QFormLayout;
    networkForm->addRow(tr("Loss"), m_loss);
    networkForm->addRow(tr("Bias"), m_biasMode);
    networkForm->addRow(tr("Initialisation"), m_initialization);
    networkForm->addRow(tr("Seed"), m_seed);
    m_seed->setToolTip(tr("A new initialisation or seed draws every weight afresh"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Apply to lesson"));
    connect(buttons, &QDialogButtonBox::accepted, this, &NetworkEditorDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layerButtons = new QHBoxLayout;
    for (QPushButton *button : {add, remove, undo, redo})
        layerButtons->addWidget(button);
    auto *columns = new QHBoxLayout;
    columns->addWidget(m_layers, 1);
    auto *right = new QVBoxLayout;
    right->addLayout(layerForm);
    right->addSpacing(12);
    right->addLayout(networkForm);
    right->addStretch();
    columns->addLayout(right, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(columns);
    layout->addLayout(layerButtons);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(m_layers, &QListWidget::currentRowChanged, this, [this] { showDesign(); });
    connect(m_neurons, &QSpinBox::editingFinished, this, [this] {
        if (!m_showing)
            setNeuronCount(currentLayer(), m_neurons->value());
    });
    connect(m_activation, &QComboBox::activated, this,
            [this](int index) { setActivation(currentLayer(), static_cast<Activation>(index)); });
    connect(m_loss, &QComboBox::activated, this,
            [this](int index) { setLoss(static_cast<Loss>(index)); });
    connect(m_biasMode, &QComboBox::activated, this,
            [this](int index) { setBiasMode(static_cast<BiasMode>(index)); });
    connect(m_initialization, &QComboBox::activated, this,
            [this](int index) { setInitialization(static_cast<Initialization>(index)); });
    connect(m_seed, &QLineEdit::editingFinished, this, [this] {
        bool ok = false;
        const qulonglong seed = m_seed->text().trimmed().toULongLong(&ok);
        if (!ok) {
            refuse(tr("The seed must be a whole number from 0 to 18446744073709551615."));
            showDesign();
            return;
        }
        setSeed(seed);
    });
    showDesign();
    m_layers->setCurrentRow(0);
    resize(620, 420);
}

QString NetworkEditorDialog::message() const
{
    return m_message->text();
}

std::variant<Lesson, QString> NetworkEditorDialog::editedLesson() const
{
    auto built = NetworkBuilder::build(m_lesson, m_design);
    if (auto *error = std::get_if<std::string>(&built))
        return QString::fromStdString(*error);
    return std::get<Lesson>(std::move(built));
}

bool NetworkEditorDialog::addHiddenLayer()
{
    NetworkDesign changed = m_design;
    const int at = std::max(0, std::min(currentLayer() + 1, changed.hiddenLayerCount()));
    const NetworkDesign::LayerDesign copy =
        at > 0 ? changed.layers[at - 1] : NetworkDesign::LayerDesign {2, Activation::Sigmoid};
    changed.layers.insert(
        changed.layers.begin() + at,
        {copy.neurons,
         copy.activation == Activation::Softmax ? Activation::Sigmoid : copy.activation});
    if (changed.hiddenLayerCount() > maxHiddenLayers) {
        refuse(tr("A network may have at most %1 hidden layers; this one has %2 already.")
                   .arg(maxHiddenLayers)
                   .arg(m_design.hiddenLayerCount()));
        return false;
    }
    return change(tr("Add hidden layer %1").arg(at + 1), changed);
}

bool NetworkEditorDialog::removeHiddenLayer(int layer)
{
    if (layer < 0 || layer >= m_design.hiddenLayerCount()) {
        refuse(m_design.hiddenLayerCount() == 0
                   ? tr("There is no hidden layer to remove.")
                   : tr("Choose a hidden layer to remove; the output layer stays."));
        return false;
    }
    NetworkDesign changed = m_design;
    changed.layers.erase(changed.layers.begin() + layer);
    return change(tr("Remove hidden layer %1").arg(layer + 1), changed);
}

bool NetworkEditorDialog::setNeuronCount(int layer, int neurons)
{
    if (layer < 0 || layer >= static_cast<int>(m_design.layers.size()))
        return false;
    if (layer == m_design.hiddenLayerCount()) {
        if (neurons != m_design.layers[layer].neurons)
            refuse(tr("The output layer has one neuron per target of the data (%1).")
                       .arg(m_design.layers[layer].neurons));
        showDesign();
        return neurons == m_design.layers[layer].neurons;
    }
    NetworkDesign changed = m_design;
    changed.layers[layer].neurons = neurons;
    return change(tr("%1 neurons in hidden layer %2").arg(neurons).arg(layer + 1), changed);
}

bool NetworkEditorDialog::setActivation(int layer, Activation activation)
{
    if (layer < 0 || layer >= static_cast<int>(m_design.layers.size()))
        return false;
    NetworkDesign changed = m_design;
    changed.layers[layer].activation = activation;
    // Softmax and categorical cross-entropy come as a pair; choosing one brings the other.
    const bool isOutput = layer == m_design.hiddenLayerCount();
    if (isOutput && activation == Activation::Softmax)
        changed.loss = Loss::CategoricalCrossEntropy;
    else if (isOutput && changed.loss == Loss::CategoricalCrossEntropy)
        changed.loss = Loss::HalfSquaredError;
    return change(tr("Activation of %1").arg(layerTitle(layer)), changed);
}

bool NetworkEditorDialog::setLoss(Loss loss)
{
    NetworkDesign changed = m_design;
    changed.loss = loss;
    return change(tr("Loss"), changed);
}

bool NetworkEditorDialog::setBiasMode(BiasMode mode)
{
    NetworkDesign changed = m_design;
    changed.biasMode = mode;
    return change(tr("Bias mode"), changed);
}

bool NetworkEditorDialog::setInitialization(Initialization initialization)
{
    NetworkDesign changed = m_design;
    changed.initialization = initialization;
    return change(tr("Initialisation"), changed);
}

bool NetworkEditorDialog::setSeed(std::uint64_t seed)
{
    NetworkDesign changed = m_design;
    changed.seed = seed;
    return change(tr("Seed"), changed);
}

bool NetworkEditorDialog::change(const QString &text, const NetworkDesign &changed)
{
    if (changed == m_design)
        return true;
    if (const std::string error = NetworkBuilder::check(changed); !error.empty()) {
        refuse(QString::fromStdString(error));
        showDesign(); // the controls go back to the design as it is
        return false;
    }
    m_message->clear();
    m_undoStack->push(new DesignCommand(this, text, m_design, changed));
    return true;
}

void NetworkEditorDialog::setDesign(const NetworkDesign &design)
{
    m_design = design;
    showDesign();
}

void NetworkEditorDialog::refuse(const QString &message)
{
    m_message->setText(message);
    emit refused(message);
}

void NetworkEditorDialog::accept()
{
    auto edited = editedLesson();
    if (auto *error = std::get_if<QString>(&edited)) {
        refuse(*error);
        return;
    }
    QDialog::accept();
}

int NetworkEditorDialog::currentLayer() const
{
    const int row = m_layers->currentRow();
    return row < 0 ? m_design.hiddenLayerCount() : row;
}

QString NetworkEditorDialog::layerTitle(int layer) const
{
    return layer == m_design.hiddenLayerCount() ? tr("the output layer")
                                                : tr("hidden layer %1").arg(layer + 1);
}

void NetworkEditorDialog::showDesign()
{
    if (m_showing)
        return;
    m_showing = true;
    const int row = std::min(m_layers->currentRow(), static_cast<int>(m_design.layers.size()) - 1);
    m_layers->clear();
    QStringList shape {QString::number(m_design.inputs)};
    for (int l = 0; l < static_cast<int>(m_design.layers.size()); ++l) {
        const auto &layer = m_design.layers[l];
        const QString title = layerTitle(l);
        const QString activation = QString::fromUtf8(activationName(layer.activation).data());
        const QString heading = title.left(1).toUpper() + title.mid(1);
        m_layers->addItem(
            layer.neurons == 1
                ? tr("%1: 1 neuron, %2").arg(heading, activation)
                : tr("%1: %2 neurons, %3").arg(heading).arg(layer.neurons).arg(activation));
        shape << QString::number(layer.neurons);
    }
    m_layers->setCurrentRow(std::max(0, row));
    const int current = currentLayer();
    m_neurons->setValue(m_design.layers[current].neurons);
    m_neurons->setEnabled(current != m_design.hiddenLayerCount());
    m_activation->setCurrentIndex(static_cast<int>(m_design.layers[current].activation));
    m_loss->setCurrentIndex(static_cast<int>(m_design.loss));
    m_biasMode->setCurrentIndex(static_cast<int>(m_design.biasMode));
    m_initialization->setCurrentIndex(static_cast<int>(m_design.initialization));
    m_seed->setText(QString::number(static_cast<qulonglong>(m_design.seed)));
    m_summary->setText(tr("Network %1 (inputs and outputs are fixed by the data; at most %2 "
                          "hidden layers of %3 neurons)")
                           .arg(shape.join(QStringLiteral("–")))
                           .arg(maxHiddenLayers)
                           .arg(maxNeuronsPerLayer));
    m_showing = false;
}
