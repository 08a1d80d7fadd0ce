#include "trainingtoolbar.h"

#include "learningrateedit.h"

#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>

using backprop::Granularity;
using backprop::OptimizerKind;

TrainingToolBar::TrainingToolBar(QWidget *parent)
    : QToolBar(tr("Training"), parent), m_granularity(new QComboBox(this)),
      m_speed(new QDoubleSpinBox(this)), m_learningRate(new LearningRateEdit(this)),
      m_optimizer(new QComboBox(this))
{
    setObjectName(QStringLiteral("trainingToolBar"));
    const std::pair<Granularity, QString> granularities[] = {
        {Granularity::Neuron, tr("Neuron")},
        {Granularity::Phase, tr("Phase")},
        {Granularity::ForwardPass, tr("Forward pass")},
        {Granularity::BackwardPass, tr("Backward pass")},
        {Granularity::Iteration, tr("Iteration")},
        {Granularity::Epoch, tr("Epoch")},
    };
    for (const auto &[granularity, text] : granularities)
        m_granularity->addItem(text, QVariant::fromValue(static_cast<int>(granularity)));
    m_granularity->setCurrentIndex(1);
    m_granularity->setToolTip(tr("How far one step goes (keys 1 to 6)"));

    m_speed->setRange(0.0, 1000.0);
    m_speed->setDecimals(1);
    m_speed->setValue(0.0);
    m_speed->setSpecialValueText(tr("Full speed"));
    m_speed->setSuffix(tr(" steps/s"));
    m_speed->setToolTip(tr("Run speed: steps per second, or full speed at 0 ([ slower, ] faster)"));

    const std::pair<OptimizerKind, QString> optimizers[] = {
        {OptimizerKind::GradientDescent, tr("Gradient descent")},
        {OptimizerKind::Momentum, tr("Momentum")},
        {OptimizerKind::RmsProp, tr("RMSprop")},
        {OptimizerKind::Adam, tr("Adam")},
    };
    for (const auto &[kind, text] : optimizers)
        m_optimizer->addItem(text, QVariant::fromValue(static_cast<int>(kind)));
    m_optimizer->setToolTip(tr("Optimizer, with PyTorch's formulas and defaults (O):\n"
                               "Gradient descent: w −= η·g\n"
                               "Momentum: v = 0.9·v + g; w −= η·v\n"
                               "RMSprop: s = 0.99·s + 0.01·g²; w −= η·g / (√s + 1e-8)\n"
                               "Adam: β1 = 0.9, β2 = 0.999, ε = 1e-8, bias-corrected"));

    addWidget(new QLabel(tr(" Step: "), this));
    addWidget(m_granularity);
    addWidget(new QLabel(tr(" Speed: "), this));
    addWidget(m_speed);
    addWidget(new QLabel(tr(" η: "), this));
    addWidget(m_learningRate);
    addWidget(new QLabel(tr(" Optimizer: "), this));
    addWidget(m_optimizer);

    connect(m_granularity, &QComboBox::currentIndexChanged, this,
            [this] { emit granularityChanged(granularity()); });
    connect(m_speed, &QDoubleSpinBox::valueChanged, this, &TrainingToolBar::speedChanged);
    connect(m_learningRate, &LearningRateEdit::learningRateEdited, this,
            &TrainingToolBar::learningRateEdited);
    connect(m_learningRate, &LearningRateEdit::editRefused, this, &TrainingToolBar::editRefused);
    connect(m_learningRate, &LearningRateEdit::returnPressed, this,
            &TrainingToolBar::editingFinished);
    connect(m_granularity, &QComboBox::activated, this, &TrainingToolBar::editingFinished);
    connect(m_optimizer, &QComboBox::activated, this, [this] {
        emit optimizerChosen(static_cast<OptimizerKind>(m_optimizer->currentData().toInt()));
        emit editingFinished();
    });
}

void TrainingToolBar::addKeysTo(QWidget *window)
{
    // Each key's action has a text, so Help ▸ Keys lists it as it lists the menus' keys.
    const auto addKey = [this, window](const QKeySequence &key, const QString &text, auto &&slot) {
        auto *action = new QAction(text, window);
        action->setShortcut(key);
        connect(action, &QAction::triggered, this, slot);
        window->addAction(action);
    };
    for (int k = 0; k < 6; ++k)
        addKey(QKeySequence(Qt::Key_1 + k),
               tr("Step by: %1").arg(m_granularity->itemText(m_granularity->findData(k))),
               [this, k] { setGranularity(static_cast<Granularity>(k)); });
    addKey(QKeySequence(Qt::Key_BracketLeft), tr("Run slower"), [this] { m_speed->stepDown(); });
    addKey(QKeySequence(Qt::Key_BracketRight), tr("Run faster"), [this] { m_speed->stepUp(); });
    addKey(QKeySequence(Qt::Key_L), tr("Type the learning rate η"), [this] {
        m_learningRate->lineEdit()->setFocus(Qt::ShortcutFocusReason);
        m_learningRate->lineEdit()->selectAll();
    });
    addKey(QKeySequence(Qt::Key_O), tr("Choose the optimizer"),
           [this] { m_optimizer->showPopup(); });
}

Granularity TrainingToolBar::granularity() const
{
    return static_cast<Granularity>(m_granularity->currentData().toInt());
}

void TrainingToolBar::setGranularity(Granularity granularity)
{
    m_granularity->setCurrentIndex(m_granularity->findData(static_cast<int>(granularity)));
}

double TrainingToolBar::speed() const
{
    return m_speed->value();
}

void TrainingToolBar::setSettings(const backprop::OptimizerSettings &settings)
{
    m_learningRate->setValue(settings.learningRate);
    const QSignalBlocker block(m_optimizer);
    m_optimizer->setCurrentIndex(m_optimizer->findData(static_cast<int>(settings.kind)));
}
