#include "racesetupdialog.h"

#include "hyperparameters.h"
#include "numberformat.h"
#include "theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

using namespace backprop;

namespace {
constexpr OptimizerKind kinds[] = {OptimizerKind::GradientDescent, OptimizerKind::Momentum,
                                   OptimizerKind::RmsProp, OptimizerKind::Adam};

struct Default
{
    OptimizerKind kind;
    double rate; // 0: the lesson's
    bool racing;
};
// The four optimizers of the lesson's last line; adaptive ones at a rate they like.
constexpr Default defaults[RaceSetupDialog::rows] = {
    {OptimizerKind::GradientDescent, 0.0, true}, {OptimizerKind::Momentum, 0.0, true},
    {OptimizerKind::RmsProp, 0.05, true},        {OptimizerKind::Adam, 0.05, true},
    {OptimizerKind::Adam, 0.5, false},
};
} // namespace

RaceSetupDialog::RaceSetupDialog(const OptimizerSettings &lessonSettings,
                                 const std::vector<std::string> &names,
                                 const std::pair<std::string, std::string> &watched,
                                 QWidget *parent)
    : QDialog(parent), m_lessonSettings(lessonSettings)
{
    setWindowTitle(tr("Compare optimizers"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Every racer starts from the lesson as it stands now; the "
                                    "lesson in the main window does not change."),
                                 this));
    auto *grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("race"), this), 0, 0);
    grid->addWidget(new QLabel(tr("optimizer"), this), 0, 1);
    grid->addWidget(new QLabel(tr("learning rate η"), this), 0, 2);
    grid->addWidget(new QLabel(tr("settings (empty: the lesson's)"), this), 0, 3);
    for (int row = 0; row < rows; ++row) {
        Row &racer = m_racers[static_cast<std::size_t>(row)];
        const Default &given = defaults[row];
        racer.box = new QCheckBox(tr("racer %1").arg(row + 1), this);
        racer.box->setChecked(given.racing);
        racer.optimizer = new QComboBox(this);
        for (OptimizerKind kind : kinds) {
            racer.optimizer->addItem(
                QString::fromUtf8(optimizerName(kind).data(),
                                  static_cast<int>(optimizerName(kind).size())),
                static_cast<int>(kind));
            if (kind == given.kind)
                racer.optimizer->setCurrentIndex(racer.optimizer->count() - 1);
        }
        racer.rate = new QLineEdit(
            NumberFormat::shortest(given.rate > 0 ? given.rate : lessonSettings.learningRate, 9),
            this);
        racer.settings = new QLineEdit(this);
        racer.settings->setPlaceholderText(tr("e.g. mu=0.5 · alpha=0.9 · beta1=0.8 beta2=0.99"));
        racer.settings->setToolTip(
            tr("PyTorch's formulas. Settings this racer changes, as NAME=VALUE: mu (momentum), "
               "alpha (RMSprop), beta1, beta2, eps (Adam; eps also RMSprop). The lesson's: "
               "μ = %1, α = %2, β1 = %3, β2 = %4, ε = %5.")
                .arg(lessonSettings.momentum)
                .arg(lessonSettings.alpha)
                .arg(lessonSettings.beta1)
                .arg(lessonSettings.beta2)
                .arg(lessonSettings.epsilon));
        grid->addWidget(racer.box, row + 1, 0);
        grid->addWidget(racer.optimizer, row + 1, 1);
        grid->addWidget(racer.rate, row + 1, 2);
        grid->addWidget(racer.settings, row + 1, 3);
    }
    layout->addLayout(grid);
    auto *form = new QFormLayout;
    m_watchedA = new QComboBox(this);
    m_watchedB = new QComboBox(this);
    for (const std::string &name : names) {
        m_watchedA->addItem(QString::fromStdString(name));
        m_watchedB->addItem(QString::fromStdString(name));
    }
    m_watchedA->setCurrentText(QString::fromStdString(watched.first));
    m_watchedB->setCurrentText(QString::fromStdString(watched.second));
    form->addRow(tr("surface across (wa)"), m_watchedA);
    form->addRow(tr("and up (wb)"), m_watchedB);
    m_threshold = new QLineEdit(NumberFormat::shortest(1e-3, 9), this);
    form->addRow(tr("E_total to reach"), m_threshold);
    layout->addLayout(form);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    QPalette palette = m_message->palette();
    palette.setColor(QPalette::WindowText, Theme::refusal());
    m_message->setPalette(palette);
    layout->addWidget(m_message);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Start the race"));
    connect(buttons, &QDialogButtonBox::accepted, this, &RaceSetupDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &RaceSetupDialog::reject);
    layout->addWidget(buttons);
}

QString RaceSetupDialog::message() const
{
    return m_message->text();
}

void RaceSetupDialog::accept()
{
    if (const QString error = read(); !error.isEmpty()) {
        m_message->setText(error);
        return;
    }
    m_message->clear();
    QDialog::accept();
}

QString RaceSetupDialog::read()
{
    RaceRequest request;
    for (int row = 0; row < rows; ++row) {
        const Row &racer = m_racers[static_cast<std::size_t>(row)];
        if (!racer.box->isChecked())
            continue;
        const std::optional<double> rate = NumberFormat::parse(racer.rate->text());
        if (!rate || !std::isfinite(*rate) || *rate <= 0)
            return tr("Racer %1: the learning rate \"%2\" is not a positive number.")
                .arg(row + 1)
                .arg(racer.rate->text());
        OptimizerSettings settings = m_lessonSettings;
        settings.kind = static_cast<OptimizerKind>(racer.optimizer->currentData().toInt());
        settings.learningRate = *rate;
        const auto changed = withHyperparameters(racer.settings->text().toStdString(), settings);
        if (const auto *error = std::get_if<std::string>(&changed))
            return tr("Racer %1: %2.").arg(row + 1).arg(QString::fromStdString(*error));
        request.racers.push_back(std::get<OptimizerSettings>(changed));
    }
    if (request.racers.size() < 2)
        return tr("A race needs at least two racers: tick two or more.");
    request.watchedA = m_watchedA->currentText().toStdString();
    request.watchedB = m_watchedB->currentText().toStdString();
    if (request.watchedA == request.watchedB)
        return tr("The surface needs two different weights or biases.");
    const std::optional<double> threshold = NumberFormat::parse(m_threshold->text());
    if (!threshold || !std::isfinite(*threshold) || *threshold < 0)
        return tr("The E_total to reach, \"%1\", is not a number of at least 0.")
            .arg(m_threshold->text());
    request.threshold = *threshold;
    m_request = request;
    return {};
}
